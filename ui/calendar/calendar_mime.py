"""What a drag from the calendar carries: one touch, or one campaign and the day it was grabbed by.

Grabbing a campaign by its third day and dropping it on the 20th makes the 20th its third day,
so the mime data keeps the offset between the grabbed day and the campaign's start.
"""

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData

CALENDAR_ITEM_MIME_TYPE = "application/x-planner-calendar-item"


@dataclass(frozen=True)
class DraggedTouch:
    """A touch being dragged to another day."""

    touch_id: int


@dataclass(frozen=True)
class DraggedCampaign:
    """A campaign being dragged; ``grab_offset`` days after its start is under the pointer."""

    campaign_id: int
    grab_offset: int


DraggedItem = DraggedTouch | DraggedCampaign


def calendar_mime_data(item: DraggedItem, text: str = "") -> QMimeData:
    """Mime data for dragging ``item``; ``text`` is what other programs see."""
    if isinstance(item, DraggedTouch):
        payload: dict[str, int] = {"touch": item.touch_id}
    else:
        payload = {"campaign": item.campaign_id, "offset": item.grab_offset}
    mime = QMimeData()
    mime.setData(CALENDAR_ITEM_MIME_TYPE, QByteArray(json.dumps(payload).encode()))
    if text:
        mime.setText(text)
    return mime


def dragged_item(mime: QMimeData) -> DraggedItem | None:
    """The item a drag carries, or ``None`` when it carries none of ours."""
    if not mime.hasFormat(CALENDAR_ITEM_MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(CALENDAR_ITEM_MIME_TYPE).data()).decode())
    except ValueError:
        return None
    if not isinstance(payload, dict):
        return None
    touch_id, campaign_id, offset = (
        payload.get("touch"),
        payload.get("campaign"),
        payload.get("offset", 0),
    )
    if isinstance(touch_id, int):
        return DraggedTouch(touch_id)
    if isinstance(campaign_id, int) and isinstance(offset, int):
        return DraggedCampaign(campaign_id, offset)
    return None
