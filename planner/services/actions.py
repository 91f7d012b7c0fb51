"""The mark of a user action: one function call, one ``BEGIN IMMEDIATE`` transaction.

Every service function that changes the file is decorated with ``user_action``, so its reads
(the lead's current column, the neighbouring ranks) happen inside the same transaction as its
writes. A test checks that every public service function returning a ``Change`` carries it.
"""

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from planner.errors import ReadOnlyDatabaseError
from planner.store.changes import write_transaction
from planner.workspace import Workspace

_USER_ACTIONS: set[object] = set()
"""Every function decorated with ``user_action`` (for the test that no action lacks it)."""

P = ParamSpec("P")
R = TypeVar("R")


def user_action(
    function: Callable[Concatenate[Workspace, P], R],
) -> Callable[Concatenate[Workspace, P], R]:
    """Runs ``function`` inside one write transaction (joining one already open); refused on a
    file opened read-only."""

    @functools.wraps(function)
    def run(workspace: Workspace, /, *args: P.args, **kwargs: P.kwargs) -> R:
        if workspace.read_only:
            raise ReadOnlyDatabaseError(
                f"{workspace.path.name} is open read-only (you may not change it); "
                "nothing was changed"
            )
        with write_transaction(workspace.db):
            return function(workspace, *args, **kwargs)

    _USER_ACTIONS.add(run)
    return run


def is_user_action(function: object) -> bool:
    """True for a function decorated with ``user_action``."""
    return function in _USER_ACTIONS
