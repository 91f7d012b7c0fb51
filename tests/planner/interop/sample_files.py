"""Import fixtures written by hand: contact exports as each program writes them.

Each sample is the text of a real-shaped export (headers exactly as Google Contacts, Outlook,
Apple Contacts via CSV, HubSpot, Pipedrive and plain sheets in German, Polish and French write
them) and the encoding and delimiter that program uses; ``write_sample`` puts the file in
``tmp_path``. Every sample holds the same two people, so tests can check the same values.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """A contact export: its file name, its text, and how it is encoded."""

    file_name: str
    text: str
    encoding: str = "utf-8"

    def write(self, folder: Path) -> Path:
        """The sample as a file in ``folder``."""
        path = folder / self.file_name
        path.write_bytes(self.text.replace("\n", "\r\n").encode(self.encoding))
        return path


ANNA = {
    "name": "Anna Nowak",
    "company": "Piekarnia Złota Łódź",
    "email": "anna@zlota.example",
    "phone": "+48 601 234 567",
    "city": "Łódź",
    "postal_code": "90-001",
}
"""The first person of every sample, as the lead should read."""

JURGEN = {
    "name": "Jürgen Müller",
    "company": "Müller GmbH",
    "email": "jm@mueller.example",
    "city": "Berlin",
}
"""The second person of every sample."""

GOOGLE = Sample(
    "contacts.csv",
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,"
    "Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
    "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address\n"
    'Anna,,Nowak,,,,,,,,Piekarnia Złota Łódź,Owner,,,"Met at the fair.\nLikes rye bread.",,'
    "* myContacts ::: Customers,* Work,anna@zlota.example,Mobile,+48 601 234 567,Work,"
    '"ul. Piotrkowska 1\n90-001 Łódź\nPoland",ul. Piotrkowska 1,Łódź,,,90-001,Poland,\n'
    "Jürgen,,Müller,,,,,,,,Müller GmbH,CEO,,,,,* myContacts,* Work,jm@mueller.example,Work,"
    '030 1234567,Work,"Hauptstr. 5\n10115 Berlin\nGermany",,,,,,,\n',
)

OUTLOOK = Sample(
    "outlook.csv",
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
    "Business Street,Business Street 2,Business Street 3,Business City,Business State,"
    "Business Postal Code,Business Country/Region,Home Street,Home City,Home State,"
    "Home Postal Code,Home Country/Region,Business Fax,Business Phone,Business Phone 2,"
    "Home Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,"
    "Notes,Categories\n"
    "Ms.,Anna,,Nowak,,Piekarnia Złota Łódź,,Owner,ul. Piotrkowska 1,,,Łódź,,90-001,Poland,"
    ",,,,,,,,,+48 601 234 567,anna@zlota.example,SMTP,Anna Nowak (anna@zlota.example),,"
    "Met at the fair.,Customers\n"
    "Mr.,Jürgen,,Müller,,Müller GmbH,,CEO,,,,,,,,Hauptstr. 5,Berlin,,10115,Germany,,"
    "030 1234567,,,,jm@mueller.example,SMTP,,,,\n",
    encoding="utf-8-sig",
)

APPLE = Sample(
    "apple.csv",
    "First name;Last name;Organization;Job Title;Email;Phone;Street;City;State;ZIP;Country;Note\n"
    "Anna;Nowak;Piekarnia Złota Łódź;Owner;anna@zlota.example;+48 601 234 567;"
    "ul. Piotrkowska 1;Łódź;;90-001;Poland;Met at the fair.\n"
    "Jürgen;Müller;Müller GmbH;CEO;jm@mueller.example;030 1234567;Hauptstr. 5;Berlin;;10115;"
    "Germany;\n",
)

HUBSPOT = Sample(
    "hubspot.csv",
    "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Street Address,"
    "City,State/Region,Postal Code,Country/Region,Lifecycle Stage,Lead Status\n"
    "101,Anna,Nowak,anna@zlota.example,+48 601 234 567,Piekarnia Złota Łódź,Owner,"
    "ul. Piotrkowska 1,Łódź,,90-001,Poland,lead,NEW\n"
    "102,Jürgen,Müller,jm@mueller.example,030 1234567,Müller GmbH,CEO,Hauptstr. 5,Berlin,,"
    "10115,Germany,lead,OPEN\n",
)

PIPEDRIVE = Sample(
    "pipedrive.csv",
    "Person - Name,Person - Organization,Person - Email - Work,Person - Phone - Work,"
    "Person - Label,Organization - Address\n"
    "Anna Nowak,Piekarnia Złota Łódź,anna@zlota.example,+48 601 234 567,Hot lead,"
    '"ul. Piotrkowska 1, 90-001 Łódź, Poland"\n'
    "Jürgen Müller,Müller GmbH,jm@mueller.example,030 1234567,,"
    '"Hauptstr. 5, 10115 Berlin, Germany"\n',
)

GERMAN = Sample(
    "kontakte.csv",
    "Anrede;Vorname;Nachname;Firma;Position;E-Mail;Telefon;Straße;PLZ;Ort;Land;Bemerkungen\n"
    "Frau;Anna;Nowak;Piekarnia Złota Łódź;Inhaberin;anna@zlota.example;+48 601 234 567;"
    "ul. Piotrkowska 1;90-001;Łódź;Polen;Messe\n"
    "Herr;Jürgen;Müller;Müller GmbH;Geschäftsführer;jm@mueller.example;030 1234567;"
    "Hauptstr. 5;10115;Berlin;Deutschland;\n",
    encoding="utf-16",
)

POLISH = Sample(
    "kontakty.csv",
    "Imię\tNazwisko\tFirma\tStanowisko\tE-mail\tTelefon\tUlica\tKod pocztowy\tMiasto\tKraj"
    "\tUwagi\n"
    "Anna\tNowak\tPiekarnia Złota Łódź\tWłaścicielka\tanna@zlota.example\t+48 601 234 567\t"
    "ul. Piotrkowska 1\t90-001\tŁódź\tPolska\tTargi\n"
    "Jürgen\tMüller\tMüller GmbH\tPrezes\tjm@mueller.example\t030 1234567\tHauptstr. 5\t10115"
    "\tBerlin\tNiemcy\t\n",
    encoding="utf-16",
)

FRENCH = Sample(
    "contacts-fr.csv",
    "Civilité;Prénom;Nom;Société;Fonction;Courriel;Téléphone;Adresse;Code postal;Ville;Pays;"
    "Remarques\n"
    "Mme;Anna;Nowak;Boulangerie Dorée;Gérante;anna@zlota.example;+48 601 234 567;"
    "1 rue de la Paix;75002;Paris;France;Salon à Lyon\n"
    "M.;Jürgen;Müller;Müller GmbH;Directeur;jm@mueller.example;030 1234567;Hauptstr. 5;10115;"
    "Berlin;Allemagne;\n",
    encoding="cp1252",
)
"""Windows-1252 (Excel's "CSV" on a French Windows) cannot hold Łódź's Ł, so Anna lives in
Paris here."""

SAMPLES = (GOOGLE, OUTLOOK, APPLE, HUBSPOT, PIPEDRIVE, GERMAN, POLISH)
"""Every sample whose first person reads exactly like ``ANNA``."""
