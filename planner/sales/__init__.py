"""The values of selling, free of storage and printing: line items, totals, numbers, payments.

Proposals, invoices and contracts are computed here with ``Decimal`` under one rounding rule
(see ``totals``), so the editor, the PDFs, the e-invoice XML and the command line agree to the
last cent.
"""
