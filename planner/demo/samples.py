"""Sample leads so a new user sees a lived-in board in one click (``planner demo``).

Every person and business is invented. Emails use reserved example domains; British and North
American phone numbers are from the ranges set aside for fiction. A few leads are in other
scripts on purpose, to show that letters and labels print every language.
"""

from datetime import date

from planner.domain import Column, LeadDraft, Temperature
from planner.locale import territory_currency
from planner.money import DEFAULT_CURRENCY, Money, minor_digits

_Who = tuple[str, str, str]
"""Name, company, title."""
_Where = tuple[str, str, str, str, str]
"""Street, postal code, city, region (US and Canada only), country code."""
_Contact = tuple[str, str]
"""Email, phone."""
_Deal = tuple[int, str, str]
"""Value in whole units of the country's currency, source, notes."""
_Sample = tuple[_Who, _Where, _Contact, _Deal]

DEMO_DAY = date(2026, 3, 16)
"""The day whose currencies the demo leads are valued in, so the sample board never changes."""

_COLD: tuple[_Sample, ...] = (
    (
        ("Marta Sousa", "Padaria Sousa", "Owner"),
        ("Rua da Madalena 171", "1100-319", "Lisbon", "", "PT"),
        ("marta@padariasousa.test", "+351 218 864 372"),
        (1_850, "Trade fair", "Asked for a price list by post."),
    ),
    (
        ("Jonas Albers", "Albers Tischlerei", "Master Joiner"),
        ("Schanzenstraße 58", "20357", "Hamburg", "", "DE"),
        ("j.albers@albers-tischlerei.test", "+49 40 4327 1906"),
        (6_400, "Website form", "Filled in the form twice; call rather than email."),
    ),
    (
        ("Zofia Wiśniewska", "Piekarnia Wiśniewscy", "Owner"),
        ("ul. Piotrkowska 87", "90-423", "Łódź", "", "PL"),
        ("zofia@piekarnia-wisniewscy.test", "+48 42 632 18 45"),
        (9_800, "Cold call", "Call back once the Easter orders are out."),
    ),
    (
        ("Priya Shah", "Shah Family Dental", "Practice Manager"),
        ("41 Oldham Street", "M1 1JG", "Manchester", "", "GB"),
        ("practice@shahfamilydental.example.com", "+44 161 496 0357"),
        (4_200, "Seminar", "Five chairs, two of them part-time."),
    ),
    (
        ("Ελένη Παπαδοπούλου", "Ανθοπωλείο Ίρις", "Owner"),
        ("Ermou 48", "105 63", "Athens", "", "GR"),
        ("eleni@iris-flowers.test", "+30 210 323 4815"),
        (2_300, "Walk-in", "Stopped at the stand; busy until the wedding season ends."),
    ),
    (
        ("Callum Reid", "Hart & Lowe Joiners", "Partner"),
        ("27 Gloucester Road", "BS7 8AE", "Bristol", "", "GB"),
        ("callum@hartandlowe.test", "+44 117 496 0812"),
        (3_750, "Referral", "Their accountant suggested us."),
    ),
    (
        ("Tomasz Nowak", "Pracownia Ceramiki Glina", "Potter"),
        ("ul. Tuwima 34", "90-002", "Łódź", "", "PL"),
        ("tomasz@glina-ceramika.test", "+48 601 447 219"),
        (6_200, "Instagram", "Runs weekend courses; answers messages late in the evening."),
    ),
    (
        ("Camille Roux", "Atelier Roux Fleurs", "Florist"),
        ("8 Rue Mercière", "69002", "Lyon", "", "FR"),
        ("camille@atelier-roux.example", "+33 4 78 37 21 09"),
        (2_900, "Website form", "Prefers email; reads it on Mondays."),
    ),
    (
        ("Bram de Vries", "Koffiebranderij De Vries", "Owner"),
        ("Oudegracht 112", "3511 AW", "Utrecht", "", "NL"),
        ("bram@devrieskoffie.test", "+31 30 231 4477"),
        (5_600, "Trade fair", "Supplies fourteen cafés in the city."),
    ),
    (
        ("Ayşe Demir", "Demir Fırını", "Owner"),
        ("Kıbrıs Şehitleri Cd. 61", "35220", "İzmir", "", "TR"),
        ("ayse@demirfirini.test", "+90 232 463 27 81"),
        (118_000, "Cold call", "Opening a second branch in Karşıyaka."),
    ),
    (
        ("Giulia Ferri", "Studio Dentistico Ferri", "Dentist"),
        ("Via Santo Stefano 36", "40125", "Bologna", "", "IT"),
        ("segreteria@studioferri.example", "+39 051 224 817"),
        (7_300, "Seminar", "Wants everything in Italian and English."),
    ),
    (
        ("Ethan Brooks", "Brooks Bike Workshop", "Owner"),
        ("1402 Williamson St", "53703", "Madison", "WI", "US"),
        ("ethan@brooksbikes.example.com", "+1 608-555-0143"),
        (2_400, "Website form", "Asked whether we work with one-person shops."),
    ),
    (
        ("Petra Dvořáková", "Truhlářství Dvořák", "Co-owner"),
        ("Křenová 42", "602 00", "Brno", "", "CZ"),
        ("petra@truhlarstvi-dvorak.test", "+420 543 211 678"),
        (86_000, "Trade fair", "Met at the furniture fair; her husband runs the workshop."),
    ),
    (
        ("Siobhán Byrne", "Byrne's Bakehouse", "Owner"),
        ("14 Shop Street", "H91 E2K3", "Galway", "", "IE"),
        ("siobhan@byrnesbakehouse.test", "+353 91 562 418"),
        (3_100, "Newsletter sign-up", ""),
    ),
    (
        ("Lukas Gruber", "Gruber Optik", "Optician"),
        ("Herrengasse 9", "8010", "Graz", "", "AT"),
        ("office@gruber-optik.example", "+43 316 824 719"),
        (4_450, "Direct mail", "Replied to the autumn mailing."),
    ),
    (
        ("林美玲", "林記豆花", "Owner"),
        ("No. 32, Yongkang Street, Da'an District", "106", "Taipei", "", "TW"),
        ("meiling@linjidouhua.test", "+886 2 2395 7146"),
        (96_000, "Walk-in", "Her son handles the paperwork."),
    ),
    (
        ("Oskar Lindqvist", "Lindqvist Cykelverkstad", "Owner"),
        ("Södra Förstadsgatan 27", "211 43", "Malmö", "", "SE"),
        ("oskar@lindqvistcykel.test", "+46 40 12 84 56"),
        (38_500, "Cold call", "Closed on Mondays."),
    ),
    (
        ("Hannah Weber", "Physiotherapie Weber", "Physiotherapist"),
        ("Zülpicher Straße 21", "50674", "Cologne", "", "DE"),
        ("info@physio-weber.test", "+49 221 2406 1839"),
        (2_750, "Search engine", "Free between patients at 12:30."),
    ),
    (
        ("Diego Navarro", "Cerámica Navarro", "Owner"),
        ("Calle de Cádiz 58", "46006", "Valencia", "", "ES"),
        ("diego@ceramicanavarro.test", "+34 963 524 187"),
        (5_200, "Trade fair", "Sells to shops in France too."),
    ),
    (
        ("Amelia Clarke", "Northern Light Yoga", "Studio Owner"),
        ("18 Call Lane", "LS1 6DT", "Leeds", "", "GB"),
        ("hello@northernlight-yoga.test", "+44 113 496 0274"),
        (1_650, "Instagram", "New timetable every term."),
    ),
    (
        ("Marcus Bennett", "Bennett Roofing", "Owner"),
        ("1120 17 Ave SW", "T2T 0B4", "Calgary", "AB", "CA"),
        ("marcus@bennettroofing.example.com", "+1 403-555-0188"),
        (8_900, "Referral", "On roofs all summer; try him in November."),
    ),
    (
        ("Милан Јовановић", "Пекара Јовановић", "Owner"),
        ("Njegoševa 17", "11000", "Belgrade", "", "RS"),
        ("milan@pekara-jovanovic.test", "+381 11 324 6190"),
        (420_000, "Trade fair", "Wants the quote in dinars."),
    ),
    (
        ("Sarah Goldberg", "Beacon Hill Framing", "Owner"),
        ("58 Charles Street", "02114", "Boston", "MA", "US"),
        ("sarah@beaconhillframing.example.net", "+1 617-555-0119"),
        (3_600, "Seminar", "Frames for two galleries; busy until June."),
    ),
    (
        ("Mikkel Sørensen", "Sørensen Glas", "Glazier"),
        ("Jægergårdsgade 64", "8000", "Aarhus C", "", "DK"),
        ("mikkel@sorensen-glas.test", "+45 86 12 45 78"),
        (24_500, "Direct mail", ""),
    ),
)

_WARM: tuple[_Sample, ...] = (
    (
        ("Fatima El Amrani", "Café Zitoun", "Owner"),
        ("Rue Haute 152", "1000", "Brussels", "", "BE"),
        ("fatima@cafezitoun.test", "+32 2 512 48 36"),
        (2_200, "Walk-in", "Deciding together with her sister."),
    ),
    (
        ("Henrik Olsen", "Olsen Snekkeri", "Master Carpenter"),
        ("Kong Oscars gate 22", "5017", "Bergen", "", "NO"),
        ("henrik@olsensnekkeri.test", "+47 55 31 42 07"),
        (46_000, "Referral", "Sent over last year's figures."),
    ),
    (
        ("Claire Dubois", "Cabinet Dentaire Dubois", "Dentist"),
        ("27 Cours de l'Intendance", "33000", "Bordeaux", "", "FR"),
        ("cabinet@dubois-dentaire.test", "+33 5 56 44 21 87"),
        (6_800, "Seminar", "Second meeting booked for Thursday."),
    ),
    (
        ("Tom Fletcher", "Fletcher Plumbing", "Owner"),
        ("9 Market Street", "EH1 1DE", "Edinburgh", "", "GB"),
        ("tom@fletcherplumbing.test", "+44 131 496 0538"),
        (2_950, "Cold call", "Mobile only; on jobs until 4 pm."),
    ),
    (
        ("佐藤健二", "佐藤木工所", "Craftsman"),
        ("Sanjo-dori 150, Nakagyo-ku", "604-8005", "Kyoto", "", "JP"),
        ("kenji@sato-mokko.test", "+81 75-221-4803"),
        (480_000, "Trade fair", "Prefers the quote in yen, by email."),
    ),
    (
        ("Lucía Morales", "Floristería Azahar", "Owner"),
        ("Calle Feria 88", "41003", "Seville", "", "ES"),
        ("lucia@floristeria-azahar.test", "+34 954 381 276"),
        (1_900, "Instagram", "Busiest in May; wants to decide in April."),
    ),
    (
        ("Katarzyna Zielińska", "Studio Fotografii Kadr", "Photographer"),
        ("ul. Józefa 12", "31-056", "Kraków", "", "PL"),
        ("kasia@studiokadr.test", "+48 12 421 38 60"),
        (14_500, "Website form", "Asked about weddings and christenings."),
    ),
    (
        ("Daniel Okafor", "Okafor Auto Repairs", "Owner"),
        ("212 Old Kent Road", "SE1 5TY", "London", "", "GB"),
        ("daniel@okaforauto.test", "+44 20 7946 0831"),
        (5_400, "Direct mail", "Replied to the winter mailing."),
    ),
    (
        ("Laura Bianchi", "Gelateria Bianchi", "Owner"),
        ("Via Po 18", "10123", "Turin", "", "IT"),
        ("laura@gelateriabianchi.test", "+39 011 812 4735"),
        (3_400, "Trade fair", "Closed in January and February."),
    ),
    (
        ("Jakub Horák", "Kavárna U Mostu", "Owner"),
        ("Mostecká 14", "118 00", "Prague", "", "CZ"),
        ("jakub@kavarnaumostu.test", "+420 257 531 284"),
        (54_000, "Walk-in", "Mostly tourists; quiet from November."),
    ),
    (
        ("Sophie Tremblay", "Clinique vétérinaire du Plateau", "Practice Manager"),
        ("4520 Rue Saint-Denis", "H2J 2L3", "Montréal", "QC", "CA"),
        ("sophie@vetplateau.test", "+1 514-555-0162"),
        (4_700, "Search engine", "Needs everything in French and English."),
    ),
    (
        ("Rachel Kim", "Kinetic Pilates", "Owner"),
        ("815 SE Hawthorne Blvd", "97214", "Portland", "OR", "US"),
        ("rachel@kineticpilates.example.com", "+1 503-555-0127"),
        (1_850, "Instagram", ""),
    ),
    (
        ("Ville Korhonen", "Korhosen Leipomo", "Owner"),
        ("Fredrikinkatu 36", "00100", "Helsinki", "", "FI"),
        ("ville@korhosenleipomo.test", "+358 9 6124 3870"),
        (4_100, "Trade fair", "Wants Swedish versions too."),
    ),
    (
        ("Tóth Zsófia", "Tóth Virágbolt", "Owner"),
        ("Király utca 26", "1061", "Budapest", "", "HU"),
        ("zsofia@tothvirag.test", "+36 1 322 4571"),
        (1_250_000, "Direct mail", "Asked for the quote in forints."),
    ),
    (
        ("Emre Kaya", "Kaya Ahşap Atölyesi", "Owner"),
        ("Moda Cd. 112, Kadıköy", "34710", "Istanbul", "", "TR"),
        ("emre@kayaahsap.test", "+90 216 345 19 82"),
        (86_000, "Referral", "Referred by Ayşe at Demir Fırını."),
    ),
    (
        ("Noah Steiner", "Zahnarztpraxis Steiner", "Dentist"),
        ("Kramgasse 49", "3011", "Bern", "", "CH"),
        ("praxis@zahnarzt-steiner.test", "+41 31 311 24 58"),
        (7_900, "Seminar", "His partner wants to see an example first."),
    ),
)

_HOT: tuple[_Sample, ...] = (
    (
        ("Agnieszka Lewandowska", "Kwiaciarnia Lewandowska", "Owner"),
        ("ul. Narutowicza 48", "90-135", "Łódź", "", "PL"),
        ("agnieszka@kwiaciarnia-lewandowska.test", "+48 42 636 71 05"),
        (12_800, "Referral", "Wants to start before Mother's Day."),
    ),
    (
        ("Oliver Hughes", "Hughes Electrical", "Director"),
        ("88 Corporation Street", "B4 6SX", "Birmingham", "", "GB"),
        ("oliver@hugheselectrical.test", "+44 121 496 0715"),
        (6_250, "Trade fair", "Quote sent; waiting for the bank."),
    ),
    (
        ("Sophie Laurent", "Boulangerie Laurent", "Owner"),
        ("35 Rue des Martyrs", "75009", "Paris", "", "FR"),
        ("sophie@boulangerie-laurent.example", "+33 1 48 78 22 64"),
        (4_600, "Walk-in", "Signs once her accountant has read the terms."),
    ),
    (
        ("陈伟", "陈氏茶行", "Owner"),
        ("388 Keefer St", "V6A 1X6", "Vancouver", "BC", "CA"),
        ("chen.wei@chenstea.test", "+1 604-555-0134"),
        (5_300, "Referral", "Wants to start before Lunar New Year."),
    ),
    (
        ("Matteo Romano", "Falegnameria Romano", "Owner"),
        ("Via dei Serragli 61", "50124", "Florence", "", "IT"),
        ("matteo@falegnameriaromano.test", "+39 055 217 348"),
        (9_200, "Seminar", "Price agreed; contract by Friday."),
    ),
    (
        ("Jessica Alvarez", "Alvarez Family Dentistry", "Office Manager"),
        ("2210 S Congress Ave", "78704", "Austin", "TX", "US"),
        ("jessica@alvarezdental.example.com", "+1 512-555-0176"),
        (11_500, "Website form", "Two practices; starting with the one on Congress."),
    ),
    (
        ("Emma Janssens", "Bloemen Janssens", "Owner"),
        ("Veldstraat 45", "9000", "Ghent", "", "BE"),
        ("emma@bloemenjanssens.test", "+32 9 223 41 56"),
        (2_650, "Newsletter sign-up", "Invoices to go to her bookkeeper."),
    ),
    (
        ("Declan Murphy", "Murphy Joinery", "Owner"),
        ("Unit 4, Bluebell Business Park", "D12 H2F3", "Dublin", "", "IE"),
        ("declan@murphyjoinery.test", "+353 1 456 2871"),
        (7_400, "Cold call", "Decides by the end of the month."),
    ),
    (
        ("Ingrid Berg", "Berg Keramik", "Potter"),
        ("Haga Nygata 12", "411 22", "Gothenburg", "", "SE"),
        ("ingrid@bergkeramik.test", "+46 31 13 57 24"),
        (62_000, "Instagram", "Wants two options by email."),
    ),
    (
        ("Maximilian Huber", "Café Huber", "Owner"),
        ("Gumpendorfer Straße 29", "1060", "Vienna", "", "AT"),
        ("max@cafehuber.example.org", "+43 1 587 3462"),
        (5_900, "Trade fair", "Trial month agreed; starts on the 1st."),
    ),
)

_WON: tuple[_Sample, ...] = (
    (
        ("Carlos Mendes", "Oficina Mendes", "Owner"),
        ("Rua de Cedofeita 214", "4050-174", "Porto", "", "PT"),
        ("carlos@oficinamendes.test", "+351 222 014 387"),
        (8_300, "Referral", "Signed for a year; renewal in January."),
    ),
    (
        ("Olivia Turner", "Kestrel Coffee", "Owner"),
        ("112 Division Street", "S1 4GF", "Sheffield", "", "GB"),
        ("olivia@kestrelcoffee.test", "+44 114 496 0592"),
        (2_100, "Walk-in", "Paid the first invoice early."),
    ),
    (
        ("Νίκος Αντωνίου", "Ζαχαροπλαστείο Αντωνίου", "Owner"),
        ("Tsimiski 84", "546 22", "Thessaloniki", "", "GR"),
        ("nikos@zacharoplasteio-antoniou.test", "+30 2310 234 517"),
        (3_900, "Trade fair", "Likes a call before each order."),
    ),
    (
        ("Benjamin Carter", "Carter Landscaping", "Owner"),
        ("2715 N Clark St", "60614", "Chicago", "IL", "US"),
        ("ben@carterlandscaping.example.com", "+1 312-555-0154"),
        (7_200, "Cold call", "Happy so far; ask for a referral in spring."),
    ),
    (
        ("Anja Meier", "Fotostudio Meier", "Photographer"),
        ("Sendlinger Straße 41", "80331", "Munich", "", "DE"),
        ("anja@fotostudio-meier.test", "+49 89 2316 5084"),
        (3_250, "Website form", ""),
    ),
    (
        ("Ольга Иванова", "Ателье Северный ветер", "Tailor"),
        ("Brīvības iela 55", "LV-1010", "Riga", "", "LV"),
        ("olga@atelje-veter.test", "+371 6728 4913"),
        (2_800, "Referral", "A neighbour on Brīvības iela sent her."),
    ),
)

_LOST: tuple[_Sample, ...] = (
    (
        ("Nadia Haddad", "Cedar Catering", "Events Manager"),
        ("214 Elgin Street", "K2P 1L7", "Ottawa", "ON", "CA"),
        ("nadia@cedarcatering.example.org", "+1 613-555-0109"),
        (6_100, "Trade fair", "Took a cheaper offer; try again next year."),
    ),
    (
        ("Willem Bakker", "Bakker Fietsen", "Owner"),
        ("Haarlemmerstraat 98", "1013 EW", "Amsterdam", "", "NL"),
        ("willem@bakkerfietsen.test", "+31 20 624 8137"),
        (3_300, "Direct mail", "Closed the second shop; no budget this year."),
    ),
    (
        ("Ben Adeyemi", "Adeyemi Tailoring", "Tailor"),
        ("22 Hockley", "NG1 1FH", "Nottingham", "", "GB"),
        ("ben@adeyemitailoring.test", "+44 115 496 0427"),
        (1_400, "Walk-in", "Decided to keep doing it himself."),
    ),
    (
        ("Chloé Martin", "Salon Chloé", "Hairdresser"),
        ("12 Rue Crébillon", "44000", "Nantes", "", "FR"),
        ("chloe@salonchloe.test", "+33 2 40 48 17 93"),
        (1_750, "Instagram", "No reply after three calls."),
    ),
)

_BOARD = (
    (Column.COLD, _COLD),
    (Column.WARM, _WARM),
    (Column.HOT, _HOT),
    (Column.WON, _WON),
    (Column.LOST, _LOST),
)
_WITHOUT_ADDRESS = ("Rob Quinn", "Nora Ellis")
"""Phone enquiries with only a name, at the end of Cold: letters and labels skip them."""


def _draft(sample: _Sample, column: Column) -> LeadDraft:
    (name, company, title), where, (email, phone), (value, source, notes) = sample
    street, postal_code, city, region, country = where
    currency = territory_currency(country, DEMO_DAY) or DEFAULT_CURRENCY
    return LeadDraft(
        name=name,
        company=company,
        title=title,
        email=email,
        phone=phone,
        street=street,
        city=city,
        region=region,
        postal_code=postal_code,
        country=country,
        temperature=Temperature.HOT if column.is_outcome else Temperature(column.value),
        value=Money(value * 10 ** minor_digits(currency), currency),
        source=source,
        notes=notes,
    )


def demo_drafts() -> list[tuple[LeadDraft, Column]]:
    """Sixty-two leads spread over all five columns, all but two with addresses and values."""
    drafts = [(_draft(sample, column), column) for column, samples in _BOARD for sample in samples]
    drafts.extend(
        (LeadDraft(name=name, temperature=Temperature.COLD, source="Phone enquiry"), Column.COLD)
        for name in _WITHOUT_ADDRESS
    )
    return drafts
