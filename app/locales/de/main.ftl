# Panoramas Oberfläche auf Deutsch.

## Site
site-tagline = Die Nachrichten mehrerer Länder, in mehreren Sprachen
site-description = Panorama: die Nachrichten mehrerer Länder in mehreren Sprachen, in einer Zeitleiste.
nav-main = Hauptmenü
nav-news = Nachrichten
nav-saved = Gemerkt
nav-settings = Einstellungen
nav-skip = Zu den Nachrichten springen
footer-nav = Fußzeile
footer-archive = Nachrichtenarchiv
footer-privacy = Datenschutz
footer-contact = Kontakt
footer-language = Sprache
footer-language-auto = Wie meine Ausgabe ({ $language })
loading = Wird geladen…
back-to-news = Zurück zu den Nachrichten
not-found-title = Seite nicht gefunden

## Countries, languages, categories
country-IN = Indien
country-US = Vereinigte Staaten
country-QA = Katar
country-DE = Deutschland
country-CN = China
country-CA = Kanada
country-WORLD = Welt
language-en = Englisch
language-hi = Hindi
language-ar = Arabisch
language-de = Deutsch
language-zh = Chinesisch
language-fr = Französisch
category-national = Inland
category-international = Ausland
category-business = Wirtschaft
category-entertainment = Unterhaltung
category-sports = Sport
category-special = Spezial
category-all = Alle Rubriken
categories-nav = Rubriken

## Relative times
time-just-now = gerade eben
time-minutes = vor { $n } Min.
time-hours = vor { $n } Std.
time-yesterday = gestern
time-days = { $n ->
    [one] vor { $n } Tag
   *[other] vor { $n } Tagen
}
time-local = { $time } Ihre Zeit
reading-time = { $n } Min. Lesezeit
article-back = Zurück zu den Nachrichten

## Timeline
timeline-loading = Nachrichten werden geladen…
timeline-error = Die Nachrichten konnten nicht geladen werden: { $error }
timeline-stories = Meldungen
timeline-empty = Hier gibt es noch keine Meldungen.
view-label = Meldungen anzeigen als
view-cards = Karten
view-compact = Kompakt
timeline-empty-no-feed = Keine Ihrer Quellen hat einen Feed für { $category }.
timeline-empty-offer = Diese Medien Ihrer Länder haben einen:
timeline-empty-none-offer = Noch kein Medium Ihrer Länder hat einen.
timeline-empty-settings = Quellen in den Einstellungen hinzufügen
new-stories = { $n ->
    [one] 1 neue Meldung
   *[other] { $n } neue Meldungen
}
pull-more = Zum Aktualisieren ziehen
pull-release = Zum Aktualisieren loslassen
timeline-older = Ältere Meldungen
timeline-top = Top-Meldungen von { $source }
timeline-narrow = Zeitleiste eingrenzen
timeline-all-sources = Alle Quellen
card-also = Auch bei { $outlets }
card-save = Merken
card-saved = Gemerkt
card-save-label = „{ $title }“ merken

## Source health
sources = Quellen
sources-failed = { $n } fehlgeschlagen
sources-stale = { $n } veraltet
sources-loading = { $n } lädt
health-stories = { $n ->
    [one] 1 Meldung
   *[other] { $n } Meldungen
}
health-ok = { $stories }, aktualisiert { $updated }
health-ok-newest = { $stories }, neueste { $newest }, aktualisiert { $updated }
health-stale = { $trouble }; gezeigt werden { $stories } von { $updated }
health-loading = lädt noch
health-failed = { $trouble }; noch keine Meldungen von dort
health-no-feed = kein Feed verfügbar
trouble-other = konnte nicht gelesen werden
trouble-too-large = lieferte einen zu großen Feed
trouble-not-a-feed = lieferte eine Seite, die kein Nachrichten-Feed ist
trouble-busy = bat, mit dem nächsten Abruf zu warten
trouble-server = sein Server hatte ein Problem
trouble-not-found = sein Feed ist nicht mehr unter seiner Adresse
trouble-unreachable = war nicht erreichbar
health-quiet = { $stories }, nichts Neues seit { $newest }

## Edition banner and notices
edition-title = Ihre Ausgabe
edition-picked = , gewählt nach der Sprache Ihres Browsers:
edition-keep = Diese Ausgabe behalten
edition-choose = Länder, Sprachen und Quellen wählen
edition-not-kept = Nicht behalten: { $error }.
notices-dismiss = Schließen
notice-unreadable = Ihre gespeicherten Einstellungen konnten nicht gelesen werden, deshalb wird die Standardausgabe gezeigt.
notice-newer = Ihre gespeicherten Einstellungen stammen von einem neueren Panorama (Version { $version }), deshalb wird die Standardausgabe gezeigt.
notice-migrated = Ihre Einstellungen wurden von Version { $from } aktualisiert.
notice-dropped-countries = Einige gespeicherte Länder gibt es nicht mehr; sie wurden entfernt: { $names }.
notice-dropped-languages = Einige gespeicherte Sprachen gibt es nicht mehr; sie wurden entfernt: { $names }.
notice-dropped-sources = Einige gespeicherte Quellen gibt es nicht mehr; sie wurden entfernt: { $names }.

## Article page
article-loading = Meldung wird geladen…
article-error = Die Meldung konnte nicht geladen werden: { $error }
article-pending = Der vollständige Text wird beim Medium abgerufen; bis dahin die Zusammenfassung aus seinem Feed.
article-fallback = Der vollständige Text konnte nicht von der Seite von { $source } gelesen werden; dies ist die Zusammenfassung aus seinem Feed.
article-read-full = Vollständig lesen bei { $source }
article-related = Weitere Meldungen zum Thema
article-related-empty = Noch keine weitere Berichterstattung gefunden.
related-other-languages = In anderen Sprachen
related-covered-by = Berichtet aus: { $countries }
related-shared = Verbunden durch: { $anchors }
card-other-languages = Auch in { $count ->
    [one] einer weiteren Sprache
   *[other] { $count } weiteren Sprachen
}
card-more-outlets = { $count ->
    [one] +1 Medium
   *[other] +{ $count } Medien
}
article-gone-title = Meldung nicht gefunden
article-gone-text = Panorama hat diese Meldung nicht oder nicht mehr.
article-gone-link = Die neuesten Nachrichten lesen
share-title = Diese Meldung teilen
share-native = Teilen…
share-email = E-Mail
share-copy = Link kopieren
share-copied = Link kopiert.
share-copy-this = Diesen Link kopieren: { $url }

## Saved stories
saved-title = Gemerkte Meldungen
saved-lede = Ihre gemerkten Meldungen, die neuesten zuerst. Sie bleiben nur in diesem Browser.
saved-empty = Noch nichts gemerkt. Drücken Sie bei einer Meldung auf „Merken“, um sie hier zu behalten.

## Keyboard
keys-title = Tastenkürzel
keys-next = nächste Meldung
keys-previous = vorige Meldung
keys-open = Meldung öffnen
keys-save = Meldung merken oder vergessen
keys-help = diese Hilfe zeigen
keys-close = Schließen

## Settings
settings-title = Einstellungen
settings-catalog-error = Der Katalog konnte nicht geladen werden: { $error }
settings-countries = Länder
settings-primary-country = Hauptland (Pflicht)
settings-choose-country = Land wählen
settings-other-countries = Weitere Länder (optional)
settings-languages = Nachrichtensprache für { $country }
settings-primary-language = Hauptsprache (Pflicht)
settings-choose-language = Sprache wählen
settings-other-languages = Weitere Sprachen (optional)
settings-no-other-language = Keine weitere Sprache verfügbar
settings-no-other-source = Keine andere Quelle verfügbar
settings-sources = Nachrichtenquelle für { $country }
settings-primary-source = Hauptquelle (Pflicht)
settings-choose-source = Quelle wählen
settings-other-sources = Weitere Quellen (optional)
settings-language-first = Wählen Sie zuerst eine Sprache.
settings-no-feed = { $source } · { $language }: kein Feed verfügbar ({ $why })
settings-save = Speichern
settings-saved = Gespeichert. Ihre Zeitleiste folgt jetzt dieser Auswahl.
settings-not-saved = Nicht gespeichert: { $why }
settings-missing = { $n ->
    [one] Nicht gespeichert: 1 Pflichtangabe fehlt.
   *[other] Nicht gespeichert: { $n } Pflichtangaben fehlen.
}
settings-removed = { $names } entfernt: erscheint nicht in den gewählten Sprachen.
settings-missing-country = Wählen Sie ein Hauptland.
settings-missing-language = Wählen Sie eine Hauptsprache für { $country }.
settings-missing-source = Wählen Sie eine Hauptquelle für { $country }.
settings-appearance = Darstellung
settings-theme = Farbschema
theme-system = Wie das System
theme-light = Hell
theme-dark = Dunkel
settings-file = Ihre Einstellungen
settings-export = Exportieren
settings-import = Importieren
settings-reset = Zurücksetzen
settings-nothing-to-export = Nichts zu exportieren: Speichern Sie zuerst Ihre Auswahl.
settings-not-imported = Nicht importiert: { $why }
settings-imported = Importiert und gespeichert. { $notes }
settings-reset-done = Zurückgesetzt: Ihre Einstellungen sind vergessen; die Ausgabe für die Sprache Ihres Browsers wird gezeigt.
settings-file-help = Sie bleiben nur in diesem Browser. Mit einer Datei nehmen Sie sie in einen anderen mit.

## News Archive
archive-title = Nachrichtenarchiv
archive-description = Jede Meldung, die Panorama gesehen hat, nach Tagen.
archive-lede = Die Meldungen, die Panorama gesehen hat, nach Tagen, die neuesten zuerst.
archive-loading = Archiv wird geladen…
archive-error = Das Archiv konnte nicht geladen werden: { $error }
archive-empty = Noch keine Meldungen: Sie erscheinen hier, sobald Feeds gelesen wurden.
archive-days = Tage

## Contact Us
contact-title = Kontakt
contact-description = So erreichen Sie die Betreiber dieses Panorama.
contact-error = Die Kontaktdaten konnten nicht geladen werden: { $error }
contact-unconfigured = Der Betreiber dieses Panorama hat keine Kontaktdaten veröffentlicht.
contact-email = E-Mail:

## Privacy Policy
privacy-title = Datenschutz
privacy-description = Was Panorama speichert, wo und warum: kein Konto, kein Tracking.
privacy-lede = Panorama hat keine Konten und kein Tracking. Was es über Sie speichert, bleibt in Ihrem Browser.
privacy-browser = In Ihrem Browser
privacy-prefs = Ihre Einstellungen (Länder, Sprachen und Quellen) liegen im lokalen Speicher Ihres Browsers unter { $key }. In den Einstellungen können Sie sie exportieren, importieren oder zurücksetzen.
privacy-read = Die Meldungen, die Sie geöffnet haben, liegen unter { $key } (nur ihre Kennungen, höchstens 2.000), damit die Zeitleiste sie abblenden kann.
privacy-saved = Die Meldungen, die Sie sich merken, liegen unter { $key } (Titel, Medium, Zeit, Zusammenfassung und Links), damit Sie die Liste ohne Verbindung lesen können.
privacy-offline = Kopien der Seiten, die Sie öffnen, und der Meldungen, die Sie speichern (höchstens 200), liegen im Cache Ihres Browsers unter { $cache }, mit den Dateien dieser Version, damit Panorama auch ohne Verbindung lesbar ist.
privacy-cookie = Das Cookie { $cookie } enthält die Kennungen der Quellen Ihrer Ausgabe, damit der Server schon beim ersten Aufbau Ihre Ausgabe zeigt (den lokalen Speicher kann er nicht lesen). Bevor Sie eine Ausgabe wählen, enthält es die aus den Sprachen Ihres Browsers vorgeschlagene.
privacy-display = Die Cookies { $theme }, { $view } und { $lang } enthalten aus demselben Grund Ihr Farbschema, Ihre Wahl zwischen Karten und kompakter Liste und Ihre Oberflächensprache.
privacy-cookie-life = Jedes Cookie gilt 400 Tage, wird nur an diese Website gesendet und enthält nichts anderes.
privacy-clear = Wenn Sie die Daten dieser Website in Ihrem Browser löschen, ist all das entfernt.
privacy-server = Auf dem Server
privacy-fetch = Der Server ruft die Feeds der Medien ab und, wenn Sie eine Meldung öffnen, deren Seite. Die Medien sehen den Server von Panorama, nicht Sie.
privacy-archive = Er behält die gelesenen Meldungen und den Text jeder abgerufenen Seite in seiner Datenbank (Nachrichtenarchiv und Suche), ein Jahr lang, sofern der Betreiber nichts anderes festlegt; nie aber, wer sie gelesen hat.
privacy-search = Ihre Suchbegriffe werden nur gelesen, um die Anfrage zu beantworten, und weder behalten noch protokolliert.
privacy-logs = Sein Protokoll verzeichnet fehlgeschlagene Feeds (Adresse und Fehler) und Anfragen, die auf Serverseite fehlschlugen. Es verzeichnet weder Ihre Adresse noch Ihre Cookies oder Einstellungen und schreibt keine Zeile pro Seitenaufruf.
privacy-third = Dritte
privacy-images = Bilder zu Meldungen laden von den Servern der Medien selbst, die die Anfrage Ihres Browsers sehen wie bei jedem Bild im Web.
privacy-links = „Vollständig lesen“ und die Teilen-Links führen Sie zum Medium oder Netzwerk Ihrer Wahl, unter dessen eigenen Regeln. Panorama sendet ihnen keinen Referrer.
privacy-none = Es gibt keine Analyse-, Werbe- oder Tracking-Skripte und keinerlei Skripte von Dritten.
privacy-questions = Fragen? Schreiben Sie uns.

offline-banner = Offline: Nachrichten vom { $time }
update-ready = Eine neue Version von Panorama ist bereit.
update-reload = Neu laden

## Search
nav-search = Suche
keys-search = alle Meldungen durchsuchen
search-title = Suche
search-description = Jede Meldung finden, die Panorama aufbewahrt, in jeder Sprache.
search-label = Gesuchte Wörter
search-submit = Suchen
search-country = Land
search-language = Sprache
search-any = Alle
search-help = Jedes Wort muss vorkommen; Wörter in "Anführungszeichen" werden zusammen gesucht.
search-loading = Suche läuft…
search-error = Die Suche ist gerade nicht möglich.
search-none = Keine Meldung enthält „{ $query }“.
search-results = Ergebnisse
search-more = Weitere Ergebnisse
details = Details
archive-filter = Archiv eingrenzen
archive-more = Weitere Meldungen dieses Tages
archive-apply = Anzeigen
filter-ignored = Nicht verstanden und daher nicht angewandt:
filter-show-all = Alle Meldungen zeigen
story-kicker = Eine Nachricht, wie die Welt sie erzählt
story-loading = Die Nachricht wird geladen…
story-error = Diese Nachricht konnte nicht geladen werden. Versuchen Sie es gleich noch einmal.
story-counts = { $outlets ->
    [one] 1 Medium
   *[other] { $outlets } Medien
} in { $countries ->
    [one] 1 Land
   *[other] { $countries } Ländern
}
story-covered-in = Berichtet in: { $countries }
story-not-yet = Noch nicht in: { $countries }
story-pickup = Wann jedes Land sie aufgriff
story-first = zuerst
story-headlines = Die Schlagzeilen aller Medien, nach Land und Sprache
story-alone = Noch kein anderes Medium hat darüber berichtet.
related-whole-story = Die ganze Geschichte, Land für Land
card-undated = ohne Datum der Quelle
trouble-refused = liegt an einer Adresse, die Panorama nicht abruft (etwa in einem privaten Netz)
own-feeds-heading = Ihre eigenen Feeds
own-feeds-none = Noch keine: Fügen Sie jedes Medium über die Adresse seines Feeds oder seiner Website hinzu.
own-feed-address = Adresse eines Feeds oder einer Website mit Feed
own-feed-find = Feed suchen
own-feed-finding = Die Adresse wird gelesen…
own-feed-add = Zu { $country } hinzufügen
own-feed-added = Hinzugefügt. Speichern, um es zu behalten.
own-feed-remove = Entfernen
own-feed-language = Seine Sprache
own-feed-also = Die Website bietet außerdem:
own-feed-in-catalog = { $source } ist schon in Panorama: Es wird hier eine Ihrer Quellen.
own-feed-refused = Von dieser Adresse liest Panorama nicht (ein privates Netz oder ein ungewöhnlicher Port).
own-feed-unreadable = Unter dieser Adresse ist kein Feed, den Panorama lesen kann.
own-feed-too-many = Zu viele neue Feeds auf einmal: Versuchen Sie es in einer Minute noch einmal.
own-feed-bad-address = Das ist keine Webadresse.
own-feed-full = Sie haben 50 eigene Feeds, mehr behält Panorama nicht: Entfernen Sie zuerst einen.
card-own-feed = Ihr Feed
own-feed-in-catalog-elsewhere = { $source } ist in Panorama unter { $country }: Wählen Sie es bei den Quellen dieses Landes.
privacy-own-feeds = Ein Feed, den Sie selbst hinzufügen: Seine Adresse erreicht den Server, der ihn liest (nie aus einem privaten Netz) und Adresse, Titel und Sprache des Feeds unter einer aus der Adresse gebildeten Kennung behält. Seine Beiträge werden getrennt von denen des Katalogs gespeichert (und mit ihnen gelöscht, wenn sie alt werden), erscheinen nur bei Anfragen, die diesen Feed oder einen seiner Beiträge nennen, und werden für niemand anderen durchsucht, archiviert oder gruppiert; ein Beitrag wird nur mit denen des Katalogs verglichen, um Ihnen dazu weitere Meldungen zum Thema zu zeigen. Nichts verbindet den Feed mit Ihnen: Ihre Liste liegt in diesem Browser.
opml-heading = Feeds als OPML
opml-help = Übertragen Sie Ihre Quellen und eigenen Feeds zu oder von einem anderen Feedreader.
opml-export = OPML exportieren
opml-import = OPML importieren…
opml-new = Wird hinzugefügt
opml-present = Schon vorhanden
opml-refused = Abgelehnt
opml-skipped = Übersprungen
opml-import-n = { $n ->
    [one] 1 Feed importieren
   *[other] { $n } Feeds importieren
}
opml-cancel = Abbrechen
opml-imported = { $n ->
    [one] 1 Feed importiert.
   *[other] { $n } Feeds importiert.
}
opml-imported-unsaved = Importiert: Wählen Sie, was noch fehlt, dann Speichern.
opml-too-large = Die Datei ist größer als 1 MB: Das ist keine Feedliste. Nichts wurde geändert.
opml-unreadable = Die Datei ließ sich nicht als OPML lesen. Nichts wurde geändert.
nav-topics = Themen
topic-follow = Dieser Suche folgen
topic-following = Gefolgt: beenden
topic-new = { $n } neu
topic-full = Sie folgen 20 Suchen, mehr behält Panorama nicht: Beenden Sie zuerst eine.
privacy-topics = Die Suchen, denen Sie folgen, liegen unter { $key }, mit dem Zeitpunkt Ihres letzten Blicks; um neue Meldungen zu zählen, fragt die Seite den Server nach jeder Suche, wie bei jeder Suche.
