"""Who is who in the demo's story, and how the business works its leads.

The named roles (the repeat customer, the referrals, the losses and their reasons) make the story
the same every time; the tactics and paces decide which touches each lead gets.
"""

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from planner.domain import Column, TouchKind, TouchOutcome

REFERENCE_RATES: Mapping[str, Decimal] = MappingProxyType(
    {
        "EUR": Decimal("1"),
        "GBP": Decimal("1.17"),
        "USD": Decimal("0.92"),
        "CAD": Decimal("0.67"),
        "AUD": Decimal("0.60"),
        "CHF": Decimal("1.05"),
        "PLN": Decimal("0.23"),
        "CZK": Decimal("0.040"),
        "HUF": Decimal("0.0025"),
        "SEK": Decimal("0.088"),
        "NOK": Decimal("0.086"),
        "DKK": Decimal("0.134"),
        "JPY": Decimal("0.0061"),
        "TWD": Decimal("0.028"),
        "TRY": Decimal("0.027"),
        "RSD": Decimal("0.0085"),
    }
)
"""Rough euros per unit, only to give the invented deals believable sizes in any home currency
and to set the demo's one exchange rate; never used for the user's own figures."""

REPEAT_CUSTOMER = "Carlos Mendes"
"""Bought a year's service, came back for a second deal and signed again last week."""

REFERRALS: Mapping[str, str] = MappingProxyType(
    {
        "Agnieszka Lewandowska": REPEAT_CUSTOMER,
        "Benjamin Carter": REPEAT_CUSTOMER,
        "Emre Kaya": "Ayşe Demir",
    }
)
"""Who referred whom: the repeat customer sent two (one of them bought), a prospect one more."""

LOST_REASONS: Mapping[str, str] = MappingProxyType(
    {
        "Nadia Haddad": "Chose a cheaper offer",
        "Willem Bakker": "No budget this year",
        "Ben Adeyemi": "Keeps doing it himself",
        "Chloé Martin": "Stopped answering",
    }
)

CLOSED_DAYS_AGO: Mapping[str, int] = MappingProxyType(
    {
        "Olivia Turner": 118,
        "Νίκος Αντωνίου": 88,
        "Benjamin Carter": 57,
        "Anja Meier": 33,
        "Ольга Иванова": 15,
        "Nadia Haddad": 100,
        "Willem Bakker": 75,
        "Ben Adeyemi": 48,
        "Chloé Martin": 21,
    }
)
"""About when each deal was won or lost, spread over the months so revenue has a history."""

UNRATED_LEAD = "Noah Steiner"
"""The one lead valued in a currency the demo gives no rate: "+ 1 in other currencies"."""


STAGE_TOUCHES: Mapping[Column, tuple[tuple[TouchKind, int, tuple[TouchOutcome | None, ...]], ...]]
STAGE_TOUCHES = MappingProxyType(
    {
        Column.COLD: (
            (TouchKind.DIRECT_MAIL_LETTER, 1, (None,)),
            (TouchKind.PROMOTION, 14, (None,)),
            (TouchKind.PHONE_CALL, 35, (TouchOutcome.NO_ANSWER, TouchOutcome.CALL_BACK)),
        ),
        Column.WARM: (
            (TouchKind.PHONE_CALL, 2, (TouchOutcome.REACHED, TouchOutcome.INTERESTED)),
            (TouchKind.SALES_LETTER, 8, (None,)),
            (TouchKind.EMAIL, 20, (TouchOutcome.REACHED, TouchOutcome.NO_ANSWER)),
        ),
        Column.HOT: (
            (TouchKind.MEETING, 2, (TouchOutcome.INTERESTED,)),
            (TouchKind.PRESENTATION, 6, (TouchOutcome.INTERESTED, TouchOutcome.REACHED)),
            (TouchKind.PROPOSAL, 10, (None,)),
            (TouchKind.PHONE_CALL, 15, (TouchOutcome.REACHED, TouchOutcome.CALL_BACK)),
        ),
        Column.WON: (
            (TouchKind.CONTRACT, 0, (TouchOutcome.REACHED,)),
            (TouchKind.INVOICE, 2, (None,)),
            (TouchKind.PHONE_CALL, 30, (TouchOutcome.REACHED,)),
        ),
        Column.LOST: (),
    }
)
"""Each column's tactics (after the default playbooks): kind, days after entering, outcomes."""

FOLLOW_UPS: Mapping[Column, tuple[int, tuple[TouchKind, ...]]] = MappingProxyType(
    {
        Column.COLD: (40, (TouchKind.PHONE_CALL, TouchKind.POSTCARD, TouchKind.EMAIL)),
        Column.WARM: (13, (TouchKind.PHONE_CALL, TouchKind.EMAIL)),
        Column.HOT: (6, (TouchKind.PHONE_CALL, TouchKind.MEETING, TouchKind.EMAIL)),
    }
)
"""After its tactics, an open lead is followed up every so many days, in one of these ways."""

FOLLOW_UP_OUTCOMES = (
    TouchOutcome.REACHED,
    TouchOutcome.NO_ANSWER,
    TouchOutcome.CALL_BACK,
    TouchOutcome.INTERESTED,
)

TOUCH_NOTES: Mapping[TouchKind, str] = MappingProxyType(
    {
        TouchKind.PHONE_CALL: "Follow-up call",
        TouchKind.MEETING: "One-on-one at their shop",
        TouchKind.PRESENTATION: "Showed the monthly service",
        TouchKind.PROPOSAL: "Proposal sent by email",
        TouchKind.CONTRACT: "Signed for a year",
        TouchKind.INVOICE: "First month invoiced",
    }
)
