# Panorama's interface in English. Every language has the same keys (a unit test checks).
# Outlet names, story text and server error details are not translated.

## Site
site-tagline = The news of several countries, in several languages
site-description = Panorama: the news of several countries in several languages, in one timeline.
nav-main = Main
nav-news = News
nav-saved = Saved
nav-settings = Settings
nav-skip = Skip to the news
footer-nav = Footer
footer-archive = News Archive
footer-privacy = Privacy Policy
footer-contact = Contact Us
footer-language = Language
footer-language-auto = Same as my edition ({ $language })
loading = Loading…
back-to-news = Back to the news
not-found-title = Page not found

## Countries, languages, categories
country-IN = India
country-US = United States
country-QA = Qatar
country-DE = Germany
country-CN = China
country-CA = Canada
country-WORLD = World
language-en = English
language-hi = Hindi
language-ar = Arabic
language-de = German
language-zh = Chinese
language-fr = French
category-national = National
category-international = International
category-business = Business
category-entertainment = Entertainment
category-sports = Sports
category-special = Special
category-all = All Categories
categories-nav = Categories

## Relative times
time-just-now = just now
time-minutes = { $n } min ago
time-hours = { $n } h ago
time-yesterday = yesterday
time-days = { $n ->
    [one] { $n } day ago
   *[other] { $n } days ago
}
time-local = { $time } your time
reading-time = { $n ->
    [one] 1 min read
   *[other] { $n } min read
}
article-back = Back to the news

## Timeline
timeline-loading = Loading the news…
timeline-error = The news could not be loaded: { $error }
timeline-stories = Stories
timeline-empty = No stories here yet.
view-label = List stories as
view-cards = Cards
view-compact = Compact
timeline-empty-no-feed = None of your sources has a feed for { $category }.
timeline-empty-offer = These outlets of your countries have one:
timeline-empty-none-offer = No outlet of your countries has one yet.
timeline-empty-settings = Add sources in Settings
new-stories = { $n ->
    [one] 1 new story
   *[other] { $n } new stories
}
pull-more = Pull to refresh
pull-release = Release to refresh
timeline-older = Older stories
timeline-top = Top from { $source }
timeline-narrow = Narrow the timeline
timeline-all-sources = All sources
card-also = Also from { $outlets }
card-save = Save
card-saved = Saved
card-save-label = Save “{ $title }”

## Source health
sources = Sources
sources-failed = { $n } failed
sources-stale = { $n } stale
sources-loading = { $n } loading
health-stories = { $n ->
    [one] 1 story
   *[other] { $n } stories
}
health-ok = { $stories }, updated { $updated }
health-ok-newest = { $stories }, newest { $newest }, updated { $updated }
health-stale = { $trouble }; showing its { $stories } from { $updated }
health-loading = still loading
health-failed = { $trouble }; no stories from it yet
health-no-feed = no feed available
trouble-other = could not be read
trouble-too-large = sent a feed too large to read
trouble-not-a-feed = sent a page that is not a news feed
trouble-busy = asked us to wait before reading it again
trouble-server = its server had a problem
trouble-not-found = its feed is no longer at its address
trouble-unreachable = could not be reached
health-quiet = { $stories }, nothing new since { $newest }

## Edition banner and notices
edition-title = Your edition
edition-picked = , picked from your browser's language:
edition-keep = Keep this edition
edition-choose = Choose countries, languages and sources
edition-not-kept = Not kept: { $error }.
notices-dismiss = Dismiss
notice-unreadable = Your saved preferences could not be read, so the default edition is shown.
notice-newer = Your saved preferences come from a newer Panorama (version { $version }), so the default edition is shown.
notice-migrated = Your preferences were upgraded from version { $from }.
notice-dropped-countries = Some saved countries are no longer available and were removed: { $names }.
notice-dropped-languages = Some saved languages are no longer available and were removed: { $names }.
notice-dropped-sources = Some saved sources are no longer available and were removed: { $names }.

## Article page
article-loading = Loading the story…
article-error = The story could not be loaded: { $error }
article-pending = Fetching the full story from the outlet; meanwhile, the summary from its feed.
article-fallback = The full story could not be read from { $source }'s page; this is the summary from its feed.
article-read-full = Read full story on { $source }
article-related = More Related News
article-related-empty = No related coverage found yet.
related-other-languages = In other languages
related-covered-by = Covered by: { $countries }
related-shared = Linked by: { $anchors }
card-other-languages = Also in { $count ->
    [one] one other language
   *[other] { $count } other languages
}
card-more-outlets = { $count ->
    [one] +1 outlet
   *[other] +{ $count } outlets
}
article-gone-title = Story not found
article-gone-text = Panorama does not have this story, or no longer keeps it.
article-gone-link = Read the latest news
share-title = Share this story
share-native = Share…
share-email = Email
share-copy = Copy link
share-copied = Link copied.
share-copy-this = Copy this link: { $url }

## Saved stories
saved-title = Saved stories
saved-lede = Stories you saved, newest first. They are kept in this browser only.
saved-empty = Nothing saved yet. Press “Save” on a story to keep it here.

## Keyboard
keys-title = Keyboard shortcuts
keys-next = next story
keys-previous = previous story
keys-open = open the story
keys-save = save or unsave the story
keys-help = show this help
keys-close = Close

## Settings
settings-title = Settings
settings-catalog-error = The catalog could not be loaded: { $error }
settings-countries = Countries
settings-primary-country = Primary Country (Mandatory)
settings-choose-country = Choose a country
settings-other-countries = Other Country (Optional)
settings-languages = Set News Language for { $country }
settings-primary-language = Primary Language (Mandatory)
settings-choose-language = Choose a language
settings-other-languages = Other Language(s) (Optional)
settings-no-other-language = No other language available
settings-no-other-source = No other source available
settings-sources = Set News Source for { $country }
settings-primary-source = Primary Source (Mandatory)
settings-choose-source = Choose a source
settings-other-sources = Other Source(s) (Optional)
settings-language-first = Choose a language first.
settings-no-feed = { $source } · { $language }: no feed available ({ $why })
settings-save = Save
settings-saved = Saved. Your timeline now follows these choices.
settings-not-saved = Not saved: { $why }
settings-missing = { $n ->
    [one] Not saved: 1 required choice is missing.
   *[other] Not saved: { $n } required choices are missing.
}
settings-removed = Removed { $names }: not published in the chosen languages.
settings-missing-country = Choose a primary country.
settings-missing-language = Choose a primary language for { $country }.
settings-missing-source = Choose a primary source for { $country }.
settings-appearance = Appearance
settings-theme = Theme
theme-system = System default
theme-light = Light
theme-dark = Dark
settings-file = Your preferences
settings-export = Export
settings-import = Import
settings-reset = Reset to defaults
settings-nothing-to-export = Nothing to export: save your choices first.
settings-not-imported = Not imported: { $why }
settings-imported = Imported and saved. { $notes }
settings-reset-done = Reset: your preferences are forgotten; the edition for your browser's language is shown.
settings-file-help = They are kept in this browser only. Move them to another one with a file.

## News Archive
archive-title = News Archive
archive-description = Every story Panorama has seen, by day.
archive-lede = The stories Panorama has seen, by day, newest first.
archive-loading = Loading the archive…
archive-error = The archive could not be loaded: { $error }
archive-empty = No stories yet: they appear here once feeds have been read.
archive-days = Days

## Contact Us
contact-title = Contact Us
contact-description = How to reach the people who run this Panorama.
contact-error = The contact details could not be loaded: { $error }
contact-unconfigured = This Panorama's operator has not published contact details.
contact-email = Email:

## Privacy Policy
privacy-title = Privacy Policy
privacy-description = What Panorama stores, where, and why: no account, no tracking.
privacy-lede = Panorama has no accounts and no tracking. What it keeps about you stays in your browser.
privacy-browser = In your browser
privacy-prefs = Your preferences (countries, languages and sources) are kept in your browser's local storage under { $key }. Settings lets you export, import or reset them.
privacy-read = The stories you have opened are kept under { $key } (their ids only, at most 2,000), so the timeline can dim them.
privacy-saved = The stories you save are kept under { $key } (title, outlet, time, summary and links), so you can read the list without a connection.
privacy-offline = Copies of the pages you open and of the stories you save (at most 200) are kept in your browser's cache under { $cache }, with this version's app files, so Panorama reads without a connection.
privacy-cookie = The cookie { $cookie } holds the ids of the sources of your edition, so the server can show your edition on the very first paint (it cannot read local storage). Before you choose an edition, it holds the one proposed from your browser's languages.
privacy-display = The cookies { $theme }, { $view } and { $lang } hold your theme, your choice of cards or compact list, and your interface language, for the same reason.
privacy-cookie-life = Each cookie lasts 400 days, is sent only to this site, and carries nothing else.
privacy-clear = Clearing this site's data in your browser removes all of it.
privacy-server = On the server
privacy-fetch = The server fetches the outlets' feeds and, when you open a story, that story's page. The outlets see Panorama's server, not you.
privacy-archive = It keeps the stories it has read, and the story text of every page it has fetched, in its database (the News Archive and search), for a year unless its operator chooses otherwise; never anything about who read them.
privacy-search = What you search for is read to answer that request and is not kept or logged.
privacy-logs = Its log records feeds that failed (the feed's address and the error) and requests that failed on the server's side. It does not log your address, your cookies or your preferences, and writes no line per page view.
privacy-third = Third parties
privacy-images = Story images load from the outlets' own servers, which see your browser's request for them as for any image on the web.
privacy-links = "Read full story" and the share links take you to the outlet or the network you choose, under its own policy. Panorama sends them no referrer.
privacy-none = There are no analytics, advertising or tracking scripts, and no third-party scripts of any kind.
privacy-questions = Questions? Contact us.

offline-banner = Offline: showing news from { $time }
update-ready = A new version of Panorama is ready.
update-reload = Reload

## Search
nav-search = Search
keys-search = search all stories
search-title = Search
search-description = Find any story Panorama has kept, in any language.
search-label = Words to find
search-submit = Search
search-country = Country
search-language = Language
search-any = Any
search-help = Every word must appear; put words in "quotes" to find them together.
search-loading = Searching…
search-error = The search could not be done right now.
search-none = No stories hold “{ $query }”.
search-results = Results
search-more = More results
details = Details
archive-filter = Narrow the archive
archive-more = More stories from this day
archive-apply = Show
filter-ignored = Not understood, so not applied:
filter-show-all = Show all stories
story-kicker = One story, as the world tells it
story-loading = Loading the story…
story-error = This story could not be loaded. Try again in a moment.
story-counts = { $outlets ->
    [one] 1 outlet
   *[other] { $outlets } outlets
} in { $countries ->
    [one] 1 country
   *[other] { $countries } countries
}
story-covered-in = Covered in: { $countries }
story-not-yet = Not yet in: { $countries }
story-pickup = When each country picked it up
story-first = first
story-headlines = Every outlet's headline, by country and language
story-alone = No other outlet has covered this story yet.
related-whole-story = See the whole story, country by country
card-undated = no date from the outlet
trouble-refused = is at an address Panorama does not read from (a private network, say)
own-feeds-heading = Your own feeds
own-feeds-none = None yet: add any outlet by the address of its feed or its site.
own-feed-address = Address of a feed, or of a site that has one
own-feed-find = Find the feed
own-feed-finding = Reading that address…
own-feed-add = Add to { $country }
own-feed-added = Added. Save to keep it.
own-feed-remove = Remove
own-feed-language = Its language
own-feed-also = The site also offers:
own-feed-in-catalog = { $source } is already in Panorama: it will be one of your sources here.
own-feed-refused = Panorama does not read from that address (a private network, or an unusual port).
own-feed-unreadable = No feed Panorama can read is at that address.
own-feed-too-many = Too many new feeds at once: try again in a minute.
own-feed-bad-address = That is not a web address.
own-feed-full = You have 50 own feeds, the most Panorama keeps: remove one first.
card-own-feed = Your feed
own-feed-in-catalog-elsewhere = { $source } is in Panorama under { $country }: choose it among that country's sources.
privacy-own-feeds = A feed you add yourself: its address reaches the server, which reads it (never on your behalf from a private network) and keeps the address, the feed's title and language under an id made from the address. Its stories are kept apart from the catalog's (and deleted with them when they grow old), shown only to requests that name that feed or one of its stories, and never searched, archived or grouped for anyone else; one of them is compared with the catalog's stories only to show you its More Related News. Nothing ties the feed to you: your list of feeds lives in this browser.
opml-heading = Feeds as OPML
opml-help = Move your sources and own feeds to or from another feed reader.
opml-export = Export OPML
opml-import = Import OPML…
opml-new = Will be added
opml-present = Already there
opml-refused = Refused
opml-skipped = Skipped
opml-import-n = { $n ->
    [one] Import 1 feed
   *[other] Import { $n } feeds
}
opml-cancel = Cancel
opml-imported = { $n ->
    [one] Imported 1 feed.
   *[other] Imported { $n } feeds.
}
opml-imported-unsaved = Imported: choose what is still missing, then Save.
opml-too-large = That file is larger than 1 MB: it is not a list of feeds. Nothing was changed.
opml-unreadable = That file could not be read as OPML. Nothing was changed.
nav-topics = Topics
topic-follow = Follow this search
topic-following = Following: stop
topic-new = { $n } new
topic-full = You follow 20 searches, the most Panorama keeps: stop one first.
privacy-topics = The searches you follow are kept under { $key }, with when you last looked at each; counting their new stories asks the server for each search, as any search does.
