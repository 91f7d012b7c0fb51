"""The calendar screen: a month or week of campaigns and touches, with the agenda beside it."""
