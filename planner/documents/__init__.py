"""The document engine: letters, mail merge, envelopes, address labels and the call sheet.

Qt-free and importable without reportlab or Jinja2: the modules that need them import them at
their top, and front ends import those modules only when a document is made. Shared pieces
(fonts, escaping, page geometry, text fitting) serve every document, so proposals and invoices
can reuse them later.
"""
