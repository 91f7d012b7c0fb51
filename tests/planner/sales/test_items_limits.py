"""Catalogue entries and document lines refuse text too long for their field, naming it."""

from decimal import Decimal

import pytest

from planner.errors import ValidationError
from planner.money import Money
from planner.sales.items import CatalogueDraft, LineItem


def test_a_catalogue_name_past_its_limit_is_refused_with_the_limit_named() -> None:
    with pytest.raises(ValidationError) as refused:
        CatalogueDraft("x" * 201, Money(100, "EUR")).checked()

    assert refused.value.field == "name"
    assert str(refused.value) == "The name is too long (201 characters; at most 200)"


def test_a_line_with_a_terminal_escape_in_its_unit_is_refused() -> None:
    line = LineItem("Design work", Decimal(1), Money(100, "EUR"), unit="h\x1b]0;owned\x07")

    with pytest.raises(ValidationError) as refused:
        line.checked()

    assert refused.value.field == "unit"
