"""The dashboard screen: funnel, sales and campaign figures for a period, from the report."""
