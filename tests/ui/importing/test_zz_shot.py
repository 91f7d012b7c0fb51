from pathlib import Path

from pytestqt.qtbot import QtBot

from planner.domain import LeadDraft
from planner.services.board import add_lead
from tests.ui.importing.test_import_wizard import next_page, open_wizard, read_file
from ui.main_window import MainWindow


def test_shot(qtbot: QtBot, empty_window: MainWindow, tmp_path: Path) -> None:
    add_lead(empty_window.workspace, LeadDraft("Anna Kowalska", company="Piekarnia Anna", email="anna@piekarnia.pl"))
    path = tmp_path / "kontakte.csv"
    path.write_text(
        "Vorname;Nachname;Firma;E-Mail;Telefon;Anschrift;Wert\n"
        "Anna;Kowalska;Piekarnia Anna;anna@piekarnia.pl;+48 601 234 567;\"ul. Długa 5, 00-238 Warszawa, Polska\";1.250,50\n"
        "Jürgen;Weiß;Bäckerei Weiß GmbH;juergen@baeckerei-weiss.de;089 123456;\"Hauptstraße 7, 80331 München, Deutschland\";800\n"
        "Grete;Schäfer;Öko Laden;grete@;+49 40 7654321;\"Lindenweg 12a, 20095 Hamburg\";\n"
        "François;Dupré;Café Crème SARL;f.dupre@cafe-creme.fr;+33 1 42 00 00 00;\"12 rue de la Paix, 75002 Paris, France\";2.000\n"
        "Мария;Иванова;;maria@example.ru;;\"Тверская 1, 125009 Москва\";\n",
        encoding="cp1252" if False else "utf-8",
    )
    wizard = open_wizard(empty_window)
    wizard.show()
    wizard.resize(1100, 640)
    read_file(qtbot, wizard, path)
    qtbot.wait(300)
    wizard.grab().save("/tmp/review/shots/doc-read.png")
    next_page(qtbot, wizard)
    qtbot.wait(300)
    wizard.grab().save("/tmp/review/shots/doc-map.png")
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.session.plan is not None, timeout=10_000)
    wizard.preview_page.problems.setCurrentRow(0)
    qtbot.wait(300)
    wizard.grab().save("/tmp/review/shots/doc-preview.png")
    wizard.preview_page.skip_invalid.setChecked(True)
    next_page(qtbot, wizard)
    qtbot.wait(300)
    wizard.grab().save("/tmp/review/shots/doc-dups.png")
    next_page(qtbot, wizard)
    qtbot.wait(300)
    wizard.grab().save("/tmp/review/shots/doc-run.png")
    wizard.reject()
