# Panorama का इंटरफ़ेस, हिन्दी में।

## Site
site-tagline = कई देशों की ख़बरें, कई भाषाओं में
site-description = Panorama: कई देशों की ख़बरें, कई भाषाओं में, एक ही टाइमलाइन में।
nav-main = मुख्य
nav-news = ख़बरें
nav-saved = सहेजी गईं
nav-settings = सेटिंग्स
nav-skip = सीधे ख़बरों पर जाएँ
footer-nav = फ़ुटर
footer-archive = समाचार संग्रह
footer-privacy = गोपनीयता नीति
footer-contact = संपर्क करें
footer-language = भाषा
footer-language-auto = मेरे संस्करण जैसी ({ $language })
loading = लोड हो रहा है…
back-to-news = ख़बरों पर वापस
not-found-title = पेज नहीं मिला

## Countries, languages, categories
country-IN = भारत
country-US = संयुक्त राज्य अमेरिका
country-QA = क़तर
country-DE = जर्मनी
country-CN = चीन
country-CA = कनाडा
country-WORLD = विश्व
language-en = अंग्रेज़ी
language-hi = हिन्दी
language-ar = अरबी
language-de = जर्मन
language-zh = चीनी
language-fr = फ़्रेंच
category-national = राष्ट्रीय
category-international = अंतरराष्ट्रीय
category-business = व्यापार
category-entertainment = मनोरंजन
category-sports = खेल
category-special = विशेष
category-all = सभी श्रेणियाँ
categories-nav = श्रेणियाँ

## Relative times
time-just-now = अभी
time-minutes = { $n } मिनट पहले
time-hours = { $n } घंटे पहले
time-yesterday = कल
time-days = { $n } दिन पहले
time-local = आपके समय से { $time }
reading-time = { $n } मिनट में पढ़ें
article-back = ख़बरों पर वापस

## Timeline
timeline-loading = ख़बरें लोड हो रही हैं…
timeline-error = ख़बरें लोड नहीं हो सकीं: { $error }
timeline-stories = ख़बरें
timeline-empty = यहाँ अभी कोई ख़बर नहीं है।
view-label = ख़बरें इस रूप में दिखाएँ
view-cards = कार्ड
view-compact = संक्षिप्त
timeline-empty-no-feed = आपके किसी भी स्रोत की { $category } फ़ीड नहीं है।
timeline-empty-offer = आपके देशों के इन माध्यमों की है:
timeline-empty-none-offer = आपके देशों के किसी माध्यम की अभी नहीं है।
timeline-empty-settings = सेटिंग्स में स्रोत जोड़ें
new-stories = { $n ->
    [one] { $n } नई ख़बर
   *[other] { $n } नई ख़बरें
}
pull-more = ताज़ा करने के लिए खींचें
pull-release = ताज़ा करने के लिए छोड़ें
timeline-older = पुरानी ख़बरें
timeline-top = { $source } की प्रमुख ख़बरें
timeline-narrow = टाइमलाइन सीमित करें
timeline-all-sources = सभी स्रोत
card-also = { $outlets } में भी
card-save = सहेजें
card-saved = सहेजी गई
card-save-label = “{ $title }” सहेजें

## Source health
sources = स्रोत
sources-failed = { $n } विफल
sources-stale = { $n } पुराने
sources-loading = { $n } लोड हो रहे
health-stories = { $n ->
    [one] { $n } ख़बर
   *[other] { $n } ख़बरें
}
health-ok = { $stories }, अपडेट { $updated }
health-ok-newest = { $stories }, नवीनतम { $newest }, अपडेट { $updated }
health-stale = { $trouble }; इसकी { $stories } { $updated } की दिखाई जा रही हैं
health-loading = अभी लोड हो रहा है
health-failed = { $trouble }; इससे अभी कोई ख़बर नहीं
health-no-feed = कोई फ़ीड उपलब्ध नहीं
trouble-other = पढ़ा नहीं जा सका
trouble-too-large = ने पढ़ने के लिए बहुत बड़ी फ़ीड भेजी
trouble-not-a-feed = ने ऐसा पेज भेजा जो समाचार फ़ीड नहीं है
trouble-busy = ने दोबारा पढ़ने से पहले रुकने को कहा
trouble-server = के सर्वर में समस्या थी
trouble-not-found = की फ़ीड अब अपने पते पर नहीं है
trouble-unreachable = तक पहुँचा नहीं जा सका
health-quiet = { $stories }, { $newest } के बाद से कुछ नया नहीं

## Edition banner and notices
edition-title = आपका संस्करण
edition-picked = , आपके ब्राउज़र की भाषा से चुना गया:
edition-keep = यही संस्करण रखें
edition-choose = देश, भाषाएँ और स्रोत चुनें
edition-not-kept = नहीं रखा गया: { $error }।
notices-dismiss = बंद करें
notice-unreadable = आपकी सहेजी गई पसंद पढ़ी नहीं जा सकी, इसलिए डिफ़ॉल्ट संस्करण दिखाया गया है।
notice-newer = आपकी सहेजी गई पसंद Panorama के नए संस्करण (संस्करण { $version }) की है, इसलिए डिफ़ॉल्ट संस्करण दिखाया गया है।
notice-migrated = आपकी पसंद संस्करण { $from } से अपग्रेड की गई।
notice-dropped-countries = कुछ सहेजे गए देश अब उपलब्ध नहीं हैं और हटा दिए गए: { $names }।
notice-dropped-languages = कुछ सहेजी गई भाषाएँ अब उपलब्ध नहीं हैं और हटा दी गईं: { $names }।
notice-dropped-sources = कुछ सहेजे गए स्रोत अब उपलब्ध नहीं हैं और हटा दिए गए: { $names }।

## Article page
article-loading = ख़बर लोड हो रही है…
article-error = ख़बर लोड नहीं हो सकी: { $error }
article-pending = पूरी ख़बर प्रकाशक से लाई जा रही है; तब तक उसकी फ़ीड का सारांश।
article-fallback = पूरी ख़बर { $source } के पेज से पढ़ी नहीं जा सकी; यह उसकी फ़ीड का सारांश है।
article-read-full = पूरी ख़बर { $source } पर पढ़ें
article-related = और संबंधित ख़बरें
article-related-empty = अभी कोई संबंधित कवरेज नहीं मिला।
related-other-languages = दूसरी भाषाओं में
related-covered-by = कवरेज: { $countries }
related-shared = जोड़ने वाले संकेत: { $anchors }
card-other-languages = { $count ->
    [one] एक और भाषा में भी
   *[other] { $count } और भाषाओं में भी
}
card-more-outlets = +{ $count } समाचार माध्यम
article-gone-title = ख़बर नहीं मिली
article-gone-text = Panorama के पास यह ख़बर नहीं है, या अब नहीं रखी जाती।
article-gone-link = ताज़ा ख़बरें पढ़ें
share-title = यह ख़बर साझा करें
share-native = साझा करें…
share-email = ईमेल
share-copy = लिंक कॉपी करें
share-copied = लिंक कॉपी हो गया।
share-copy-this = यह लिंक कॉपी करें: { $url }

## Saved stories
saved-title = सहेजी गई ख़बरें
saved-lede = आपकी सहेजी गई ख़बरें, नवीनतम पहले। ये केवल इसी ब्राउज़र में रखी जाती हैं।
saved-empty = अभी कुछ सहेजा नहीं गया। किसी ख़बर को यहाँ रखने के लिए उस पर “सहेजें” दबाएँ।

## Keyboard
keys-title = कीबोर्ड शॉर्टकट
keys-next = अगली ख़बर
keys-previous = पिछली ख़बर
keys-open = ख़बर खोलें
keys-save = ख़बर सहेजें या हटाएँ
keys-help = यह सहायता दिखाएँ
keys-close = बंद करें

## Settings
settings-title = सेटिंग्स
settings-catalog-error = सूची लोड नहीं हो सकी: { $error }
settings-countries = देश
settings-primary-country = मुख्य देश (अनिवार्य)
settings-choose-country = देश चुनें
settings-other-countries = अन्य देश (वैकल्पिक)
settings-languages = { $country } के लिए समाचार भाषा चुनें
settings-primary-language = मुख्य भाषा (अनिवार्य)
settings-choose-language = भाषा चुनें
settings-other-languages = अन्य भाषाएँ (वैकल्पिक)
settings-no-other-language = कोई अन्य भाषा उपलब्ध नहीं
settings-no-other-source = कोई अन्य स्रोत उपलब्ध नहीं
settings-sources = { $country } के लिए समाचार स्रोत चुनें
settings-primary-source = मुख्य स्रोत (अनिवार्य)
settings-choose-source = स्रोत चुनें
settings-other-sources = अन्य स्रोत (वैकल्पिक)
settings-language-first = पहले भाषा चुनें।
settings-no-feed = { $source } · { $language }: कोई फ़ीड उपलब्ध नहीं ({ $why })
settings-save = सहेजें
settings-saved = सहेजा गया। आपकी टाइमलाइन अब इन्हीं विकल्पों के अनुसार है।
settings-not-saved = सहेजा नहीं गया: { $why }
settings-missing = सहेजा नहीं गया: { $n } आवश्यक विकल्प बाकी हैं।
settings-removed = { $names } हटाए गए: चुनी गई भाषाओं में प्रकाशित नहीं।
settings-missing-country = मुख्य देश चुनें।
settings-missing-language = { $country } के लिए मुख्य भाषा चुनें।
settings-missing-source = { $country } के लिए मुख्य स्रोत चुनें।
settings-appearance = रूप
settings-theme = थीम
theme-system = सिस्टम के अनुसार
theme-light = हल्की
theme-dark = गहरी
settings-file = आपकी पसंद
settings-export = निर्यात
settings-import = आयात
settings-reset = डिफ़ॉल्ट पर लौटें
settings-nothing-to-export = निर्यात के लिए कुछ नहीं: पहले अपने विकल्प सहेजें।
settings-not-imported = आयात नहीं हुआ: { $why }
settings-imported = आयात करके सहेजा गया। { $notes }
settings-reset-done = रीसेट: आपकी पसंद भुला दी गई; आपके ब्राउज़र की भाषा का संस्करण दिखाया गया है।
settings-file-help = ये केवल इसी ब्राउज़र में रखी जाती हैं। फ़ाइल के ज़रिए इन्हें दूसरे ब्राउज़र में ले जाएँ।

## News Archive
archive-title = समाचार संग्रह
archive-description = Panorama ने जो भी ख़बरें देखीं, दिन के अनुसार।
archive-lede = Panorama ने जो ख़बरें देखीं, दिन के अनुसार, नवीनतम पहले।
archive-loading = संग्रह लोड हो रहा है…
archive-error = संग्रह लोड नहीं हो सका: { $error }
archive-empty = अभी कोई ख़बर नहीं: फ़ीड पढ़ी जाने के बाद ख़बरें यहाँ दिखेंगी।
archive-days = दिन

## Contact Us
contact-title = संपर्क करें
contact-description = इस Panorama को चलाने वालों से कैसे संपर्क करें।
contact-error = संपर्क विवरण लोड नहीं हो सका: { $error }
contact-unconfigured = इस Panorama के संचालक ने संपर्क विवरण प्रकाशित नहीं किया है।
contact-email = ईमेल:

## Privacy Policy
privacy-title = गोपनीयता नीति
privacy-description = Panorama क्या रखता है, कहाँ और क्यों: कोई खाता नहीं, कोई ट्रैकिंग नहीं।
privacy-lede = Panorama में कोई खाता और कोई ट्रैकिंग नहीं है। आपके बारे में जो रखा जाता है, वह आपके ब्राउज़र में ही रहता है।
privacy-browser = आपके ब्राउज़र में
privacy-prefs = आपकी पसंद (देश, भाषाएँ और स्रोत) आपके ब्राउज़र के लोकल स्टोरेज में { $key } नाम से रखी जाती है। सेटिंग्स में आप इसे निर्यात, आयात या रीसेट कर सकते हैं।
privacy-read = आपकी खोली गई ख़बरें { $key } में रखी जाती हैं (केवल उनकी आईडी, अधिकतम 2,000), ताकि टाइमलाइन उन्हें धुंधला दिखा सके।
privacy-saved = आपकी सहेजी गई ख़बरें { $key } में रखी जाती हैं (शीर्षक, प्रकाशक, समय, सारांश और लिंक), ताकि आप बिना कनेक्शन के सूची पढ़ सकें।
privacy-offline = आपके खोले गए पन्नों और सहेजी गई ख़बरों की प्रतियाँ (अधिकतम 200) आपके ब्राउज़र के कैश में { $cache } के अंतर्गत, इस संस्करण की ऐप फ़ाइलों के साथ, रखी जाती हैं, ताकि Panorama बिना कनेक्शन के भी पढ़ा जा सके।
privacy-cookie = कुकी { $cookie } में आपके संस्करण के स्रोतों की आईडी रहती है, ताकि सर्वर पहली बार में ही आपका संस्करण दिखा सके (वह लोकल स्टोरेज नहीं पढ़ सकता)। संस्करण चुनने से पहले इसमें आपके ब्राउज़र की भाषाओं से सुझाया गया संस्करण रहता है।
privacy-display = कुकी { $theme }, { $view } और { $lang } में इसी कारण से आपकी थीम, कार्ड या संक्षिप्त सूची का चुनाव और इंटरफ़ेस भाषा रहती है।
privacy-cookie-life = हर कुकी 400 दिन तक रहती है, केवल इसी साइट को भेजी जाती है और इसके अलावा कुछ नहीं रखती।
privacy-clear = अपने ब्राउज़र में इस साइट का डेटा मिटाने से यह सब हट जाता है।
privacy-server = सर्वर पर
privacy-fetch = सर्वर प्रकाशकों की फ़ीड लाता है और, जब आप कोई ख़बर खोलते हैं, उस ख़बर का पेज। प्रकाशक Panorama के सर्वर को देखते हैं, आपको नहीं।
privacy-archive = वह पढ़ी गई ख़बरें और लाई गई हर पेज की ख़बर का पाठ अपने डेटाबेस में रखता है (समाचार संग्रह और खोज), एक साल तक, जब तक संचालक कुछ और न चुने; पर यह कभी नहीं कि उन्हें किसने पढ़ा।
privacy-search = आप जो खोजते हैं, उसे केवल उस अनुरोध का उत्तर देने के लिए पढ़ा जाता है; न रखा जाता है, न लॉग किया जाता है।
privacy-logs = उसके लॉग में विफल फ़ीड (फ़ीड का पता और त्रुटि) और सर्वर की ओर से विफल अनुरोध दर्ज होते हैं। वह आपका पता, आपकी कुकी या आपकी पसंद दर्ज नहीं करता, और हर पेज देखने पर कोई पंक्ति नहीं लिखता।
privacy-third = तीसरे पक्ष
privacy-images = ख़बरों की तस्वीरें प्रकाशकों के अपने सर्वर से लोड होती हैं, जो वेब की किसी भी तस्वीर की तरह आपके ब्राउज़र का अनुरोध देखते हैं।
privacy-links = “पूरी ख़बर पढ़ें” और साझा करने के लिंक आपको आपके चुने प्रकाशक या नेटवर्क पर ले जाते हैं, जिसकी अपनी नीति लागू होती है। Panorama उन्हें कोई रेफ़रर नहीं भेजता।
privacy-none = कोई एनालिटिक्स, विज्ञापन या ट्रैकिंग स्क्रिप्ट नहीं है, और किसी भी तरह की तीसरे पक्ष की स्क्रिप्ट नहीं।
privacy-questions = सवाल? हमसे संपर्क करें।

offline-banner = ऑफ़लाइन: { $time } की ख़बरें दिखाई जा रही हैं
update-ready = Panorama का नया संस्करण तैयार है।
update-reload = फिर से लोड करें

## Search
nav-search = खोज
keys-search = सभी ख़बरों में खोजें
search-title = खोज
search-description = Panorama में रखी कोई भी ख़बर, किसी भी भाषा में, खोजें।
search-label = खोजने के शब्द
search-submit = खोजें
search-country = देश
search-language = भाषा
search-any = कोई भी
search-help = हर शब्द होना चाहिए; शब्दों को एक साथ खोजने के लिए उन्हें "उद्धरण चिह्नों" में लिखें।
search-loading = खोज जारी है…
search-error = अभी खोज नहीं हो सकी।
search-none = किसी ख़बर में “{ $query }” नहीं मिला।
search-results = परिणाम
search-more = और परिणाम
details = विवरण
archive-filter = संग्रह को सीमित करें
archive-more = इस दिन की और ख़बरें
archive-apply = दिखाएँ
filter-ignored = समझ में नहीं आया, इसलिए लागू नहीं किया:
filter-show-all = सभी ख़बरें दिखाएँ
story-kicker = एक ख़बर, जैसी दुनिया उसे बताती है
story-loading = ख़बर लोड हो रही है…
story-error = यह ख़बर लोड नहीं हो सकी। थोड़ी देर में फिर कोशिश करें।
story-counts = { $countries } देशों के { $outlets } समाचार माध्यम
story-covered-in = कवरेज: { $countries }
story-not-yet = अभी तक नहीं: { $countries }
story-pickup = किस देश ने कब यह ख़बर दी
story-first = सबसे पहले
story-headlines = हर माध्यम की सुर्ख़ी, देश और भाषा के अनुसार
story-alone = अभी तक किसी और माध्यम ने यह ख़बर नहीं दी है।
related-whole-story = पूरी ख़बर, देश-दर-देश
card-undated = माध्यम ने तारीख़ नहीं दी
trouble-refused = ऐसे पते पर है जिसे Panorama नहीं पढ़ता (जैसे कोई निजी नेटवर्क)
own-feeds-heading = आपकी अपनी फ़ीड
own-feeds-none = अभी कोई नहीं: किसी भी माध्यम को उसकी फ़ीड या साइट के पते से जोड़ें।
own-feed-address = फ़ीड का पता, या ऐसी साइट का जिसकी फ़ीड हो
own-feed-find = फ़ीड खोजें
own-feed-finding = वह पता पढ़ा जा रहा है…
own-feed-add = { $country } में जोड़ें
own-feed-added = जोड़ दिया। रखने के लिए सहेजें।
own-feed-remove = हटाएँ
own-feed-language = इसकी भाषा
own-feed-also = साइट पर ये भी हैं:
own-feed-in-catalog = { $source } पहले से Panorama में है: यह यहाँ आपके स्रोतों में से एक होगा।
own-feed-refused = Panorama उस पते से नहीं पढ़ता (कोई निजी नेटवर्क, या असामान्य पोर्ट)।
own-feed-unreadable = उस पते पर ऐसी कोई फ़ीड नहीं जिसे Panorama पढ़ सके।
own-feed-too-many = एक साथ बहुत सारी नई फ़ीड: एक मिनट बाद फिर कोशिश करें।
own-feed-bad-address = यह वेब पता नहीं है।
own-feed-full = आपकी 50 अपनी फ़ीड हैं, इससे ज़्यादा Panorama नहीं रखता: पहले एक हटाएँ।
card-own-feed = आपकी फ़ीड
own-feed-in-catalog-elsewhere = { $source } Panorama में { $country } के अंतर्गत है: उसे उसी देश के स्रोतों में चुनें।
privacy-own-feeds = आपकी जोड़ी फ़ीड: उसका पता सर्वर तक पहुँचता है, जो उसे पढ़ता है (कभी किसी निजी नेटवर्क से नहीं) और पते से बने एक पहचानकर्ता के तहत पता, फ़ीड का शीर्षक और भाषा रखता है। उसकी ख़बरें कैटलॉग की ख़बरों से अलग रखी जाती हैं (और पुरानी होने पर उन्हीं के साथ मिटा दी जाती हैं), केवल उन अनुरोधों को दिखती हैं जो उस फ़ीड या उसकी किसी ख़बर का नाम लेते हैं, और किसी और के लिए खोजी, संग्रहीत या समूहित नहीं होतीं; उसकी कोई ख़बर कैटलॉग की ख़बरों से केवल आपको उससे जुड़ी और ख़बरें दिखाने के लिए मिलाई जाती है। फ़ीड को आपसे कुछ नहीं जोड़ता: आपकी सूची इसी ब्राउज़र में रहती है।
opml-heading = OPML के रूप में फ़ीड
opml-help = अपने स्रोत और अपनी फ़ीड किसी दूसरे फ़ीड रीडर में ले जाएँ या वहाँ से लाएँ।
opml-export = OPML निर्यात करें
opml-import = OPML आयात करें…
opml-new = जोड़ी जाएँगी
opml-present = पहले से हैं
opml-refused = अस्वीकृत
opml-skipped = छोड़ी गईं
opml-import-n = { $n } फ़ीड आयात करें
opml-cancel = रद्द करें
opml-imported = { $n } फ़ीड आयात हुईं।
opml-imported-unsaved = आयात हुआ: जो अभी बाक़ी है उसे चुनें, फिर सहेजें।
opml-too-large = यह फ़ाइल 1 MB से बड़ी है: यह फ़ीड की सूची नहीं है। कुछ नहीं बदला।
opml-unreadable = यह फ़ाइल OPML के रूप में नहीं पढ़ी जा सकी। कुछ नहीं बदला।
nav-topics = विषय
topic-follow = इस खोज को फ़ॉलो करें
topic-following = फ़ॉलो कर रहे हैं: बंद करें
topic-new = { $n } नई
topic-full = आप 20 खोजें फ़ॉलो करते हैं, इससे ज़्यादा Panorama नहीं रखता: पहले एक बंद करें।
privacy-topics = आप जिन खोजों को फ़ॉलो करते हैं वे { $key } में रखी जाती हैं, साथ में यह कि आपने हर एक को आख़िरी बार कब देखा; उनकी नई ख़बरें गिनने के लिए हर खोज सर्वर से पूछी जाती है, किसी भी खोज की तरह।
