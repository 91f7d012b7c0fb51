"""The error that stops an import or export the user cancelled; nothing was written."""

from planner.documents.batch import MergeCancelledError


class ImportCancelledError(MergeCancelledError):
    """The user stopped the import; its transaction was rolled back, nothing was written.

    A kind of ``MergeCancelledError`` so the window's job worker reports it as cancelled.
    """

    def __init__(self) -> None:
        super().__init__()
        self.args = ("The import was cancelled; nothing was written",)
