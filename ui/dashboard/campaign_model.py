"""The dashboard's campaign table: one row per campaign, sortable by any figure (ROI first)."""

from enum import IntEnum
from typing import Any

from babel import Locale
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.metrics.figures import MoneyFigure
from planner.metrics.report import CampaignResult
from planner.metrics.wording import Metric, money_text, percent_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A number to sort by; figures without data sort below every number."""

CAMPAIGN_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The campaign's id, to list its leads."""

_NO_NUMBER = float("-inf")

Index = QModelIndex | QPersistentModelIndex


class CampaignColumn(IntEnum):
    """The table's columns, in order."""

    NAME = 0
    BUDGET = 1
    RESPONSES = 2
    LEADS = 3
    WON = 4
    REVENUE = 5
    COST_PER_LEAD = 6
    COST_PER_SALE = 7
    ROI = 8

    @property
    def heading(self) -> str:
        """``Cost per lead``: the column's heading."""
        return "ROI" if self is CampaignColumn.ROI else self.name.replace("_", " ").capitalize()

    @property
    def explanation(self) -> str:
        """What the column counts, on hover over its heading."""
        return _EXPLANATIONS.get(self, "")


_EXPLANATIONS = {
    CampaignColumn.RESPONSES: "Responses recorded against the campaign's response code.",
    CampaignColumn.LEADS: Metric.CAMPAIGN_LEADS.definition,
    CampaignColumn.WON: "Leads won after they answered the campaign.",
    CampaignColumn.REVENUE: Metric.REVENUE_ATTRIBUTED.definition,
    CampaignColumn.COST_PER_LEAD: Metric.COST_PER_LEAD.definition,
    CampaignColumn.COST_PER_SALE: Metric.COST_PER_SALE.definition,
    CampaignColumn.ROI: Metric.ROI.definition,
}


class CampaignTableModel(QAbstractTableModel):
    """The report's campaigns as rows of text, with numbers to sort by."""

    def __init__(self, locale: Locale, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = locale
        self._campaigns: tuple[CampaignResult, ...] = ()

    def set_campaigns(self, campaigns: tuple[CampaignResult, ...]) -> None:
        """Shows these campaigns instead."""
        self.beginResetModel()
        self._campaigns = campaigns
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One row per campaign."""
        return 0 if parent.isValid() else len(self._campaigns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """One column per figure."""
        return 0 if parent.isValid() else len(CampaignColumn)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, its sort number, its alignment, or the campaign's id."""
        if not index.isValid():
            return None
        campaign = self._campaigns[index.row()]
        column = CampaignColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(campaign, column)
        if role == SORT_ROLE:
            return _number(campaign, column)
        if role == CAMPAIGN_ID_ROLE:
            return campaign.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(campaign, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not CampaignColumn.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings, with what each counts on hover."""
        if orientation is not Qt.Orientation.Horizontal or section >= len(CampaignColumn):
            return None
        column = CampaignColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.explanation or None
        return None

    def _tooltip(self, campaign: CampaignResult, column: CampaignColumn) -> str | None:
        if column is CampaignColumn.NAME:
            return f"{campaign.name} · code {campaign.code} · {campaign.channel.label}"
        figure = _figure(campaign, column)
        if figure is None or figure.is_complete:
            return None
        return money_text(figure, self._locale)

    def _text(self, campaign: CampaignResult, column: CampaignColumn) -> str:
        locale = self._locale
        texts = {
            CampaignColumn.NAME: lambda: campaign.name,
            CampaignColumn.BUDGET: lambda: money_text(campaign.budget, locale, compact=True),
            CampaignColumn.RESPONSES: lambda: str(campaign.responses),
            CampaignColumn.LEADS: lambda: str(campaign.leads),
            CampaignColumn.WON: lambda: str(campaign.won),
            CampaignColumn.REVENUE: lambda: money_text(campaign.revenue, locale, compact=True),
            CampaignColumn.COST_PER_LEAD: lambda: money_text(
                campaign.cost_per_lead, locale, compact=True
            ),
            CampaignColumn.COST_PER_SALE: lambda: money_text(
                campaign.cost_per_sale, locale, compact=True
            ),
            CampaignColumn.ROI: lambda: percent_text(campaign.roi, locale),
        }
        return texts[column]()


def _number(campaign: CampaignResult, column: CampaignColumn) -> float | str:
    if column is CampaignColumn.NAME:
        return campaign.name.casefold()
    counts = {
        CampaignColumn.RESPONSES: campaign.responses,
        CampaignColumn.LEADS: campaign.leads,
        CampaignColumn.WON: campaign.won,
    }
    if column in counts:
        return float(counts[column])
    if column is CampaignColumn.ROI:
        return float(campaign.roi) if campaign.roi is not None else _NO_NUMBER
    figure = _figure(campaign, column)
    if figure is None or figure.money is None:
        return _NO_NUMBER
    return float(figure.money.decimal)


def _figure(campaign: CampaignResult, column: CampaignColumn) -> MoneyFigure | None:
    """The amount a money column shows; ``None`` for the other columns."""
    return {
        CampaignColumn.BUDGET: campaign.budget,
        CampaignColumn.REVENUE: campaign.revenue,
        CampaignColumn.COST_PER_LEAD: campaign.cost_per_lead,
        CampaignColumn.COST_PER_SALE: campaign.cost_per_sale,
    }.get(column)


def sorted_by_roi(
    model: CampaignTableModel, parent: QObject | None = None
) -> QSortFilterProxyModel:
    """The table sorted by its numbers, the best ROI first; clicking a heading sorts by it."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(CampaignColumn.ROI, Qt.SortOrder.DescendingOrder)
    return proxy
