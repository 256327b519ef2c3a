# واجهة Panorama بالعربية.

## Site
site-tagline = أخبار عدة بلدان، بعدة لغات
site-description = Panorama: أخبار عدة بلدان بعدة لغات، في خط زمني واحد.
nav-main = الرئيسية
nav-news = الأخبار
nav-saved = المحفوظة
nav-settings = الإعدادات
nav-skip = انتقل إلى الأخبار
footer-nav = التذييل
footer-archive = أرشيف الأخبار
footer-privacy = سياسة الخصوصية
footer-contact = اتصل بنا
footer-language = اللغة
footer-language-auto = مثل نسختي ({ $language })
loading = جارٍ التحميل…
back-to-news = العودة إلى الأخبار
not-found-title = الصفحة غير موجودة

## Countries, languages, categories
country-IN = الهند
country-US = الولايات المتحدة
country-QA = قطر
country-DE = ألمانيا
country-CN = الصين
country-CA = كندا
country-WORLD = العالم
language-en = الإنجليزية
language-hi = الهندية
language-ar = العربية
language-de = الألمانية
language-zh = الصينية
language-fr = الفرنسية
category-national = محلي
category-international = دولي
category-business = اقتصاد
category-entertainment = ترفيه
category-sports = رياضة
category-special = خاص
category-all = كل الأقسام
categories-nav = الأقسام

## Relative times
time-just-now = الآن
time-minutes = قبل { $n } دقيقة
time-hours = قبل { $n } ساعة
time-yesterday = أمس
time-days = قبل { $n } يوم
time-local = { $time } بتوقيتك
reading-time = { $n ->
    [one] دقيقة قراءة
    [two] دقيقتا قراءة
    [few] { $n } دقائق قراءة
   *[other] { $n } دقيقة قراءة
}
article-back = العودة إلى الأخبار

## Timeline
timeline-loading = جارٍ تحميل الأخبار…
timeline-error = تعذّر تحميل الأخبار: { $error }
timeline-stories = الأخبار
timeline-empty = لا توجد أخبار هنا بعد.
view-label = عرض الأخبار
view-cards = بطاقات
view-compact = مختصر
timeline-empty-no-feed = لا يملك أيٌّ من مصادرك خلاصة لقسم { $category }.
timeline-empty-offer = هذه وسائل إعلام من بلدانك تملك واحدة:
timeline-empty-none-offer = لا تملك أي وسيلة إعلام من بلدانك واحدة بعد.
timeline-empty-settings = أضف مصادر من الإعدادات
new-stories = أخبار جديدة: { $n }
pull-more = اسحب للتحديث
pull-release = أفلت للتحديث
timeline-older = أخبار أقدم
timeline-top = أبرز أخبار { $source }
timeline-narrow = تضييق الخط الزمني
timeline-all-sources = كل المصادر
card-also = أيضًا من { $outlets }
card-save = احفظ
card-saved = محفوظ
card-save-label = احفظ «{ $title }»

## Source health
sources = المصادر
sources-failed = { $n } فشل
sources-stale = { $n } قديم
sources-loading = { $n } قيد التحميل
health-stories = { $n ->
    [one] خبر واحد
    [two] خبران
    [few] { $n } أخبار
   *[other] { $n } خبرًا
}
health-ok = { $stories }، حُدّث { $updated }
health-ok-newest = { $stories }، الأحدث { $newest }، حُدّث { $updated }
health-stale = { $trouble }؛ تُعرض { $stories } منه من { $updated }
health-loading = ما زال قيد التحميل
health-failed = { $trouble }؛ لا أخبار منه بعد
health-no-feed = لا توجد خلاصة متاحة
trouble-other = تعذّرت قراءته
trouble-too-large = أرسل خلاصة أكبر من أن تُقرأ
trouble-not-a-feed = أرسل صفحة ليست خلاصة أخبار
trouble-busy = طلب الانتظار قبل قراءته مجددًا
trouble-server = واجه خادمه مشكلة
trouble-not-found = لم تعد خلاصته على عنوانها
trouble-unreachable = تعذّر الوصول إليه
health-quiet = { $stories }، لا جديد منذ { $newest }

## Edition banner and notices
edition-title = نسختك
edition-picked = ، مختارة حسب لغة متصفحك:
edition-keep = احتفظ بهذه النسخة
edition-choose = اختر البلدان واللغات والمصادر
edition-not-kept = لم يتم الاحتفاظ بها: { $error }.
notices-dismiss = إغلاق
notice-unreadable = تعذّرت قراءة تفضيلاتك المحفوظة، لذا تُعرض النسخة الافتراضية.
notice-newer = تفضيلاتك المحفوظة من إصدار أحدث من Panorama (الإصدار { $version })، لذا تُعرض النسخة الافتراضية.
notice-migrated = تمت ترقية تفضيلاتك من الإصدار { $from }.
notice-dropped-countries = بعض البلدان المحفوظة لم تعد متاحة وأُزيلت: { $names }.
notice-dropped-languages = بعض اللغات المحفوظة لم تعد متاحة وأُزيلت: { $names }.
notice-dropped-sources = بعض المصادر المحفوظة لم تعد متاحة وأُزيلت: { $names }.

## Article page
article-loading = جارٍ تحميل الخبر…
article-error = تعذّر تحميل الخبر: { $error }
article-pending = يجري جلب الخبر كاملًا من الناشر؛ وإلى ذلك الحين، الملخص من خلاصته.
article-fallback = تعذّرت قراءة الخبر كاملًا من صفحة { $source }؛ هذا هو الملخص من خلاصته.
article-read-full = اقرأ الخبر كاملًا على { $source }
article-related = المزيد من الأخبار ذات الصلة
article-related-empty = لم يُعثر على تغطية ذات صلة بعد.
related-other-languages = بلغات أخرى
related-covered-by = التغطية من: { $countries }
related-shared = الرابط: { $anchors }
card-other-languages = { $count ->
    [one] متوفر أيضاً بلغة أخرى
    [two] متوفر أيضاً بلغتين أخريين
    [few] متوفر أيضاً بـ{ $count } لغات أخرى
   *[other] متوفر أيضاً بـ{ $count } لغة أخرى
}
card-more-outlets = { $count ->
    [one] +وسيلة إعلام واحدة
    [two] +وسيلتا إعلام
    [few] +{ $count } وسائل إعلام
   *[other] +{ $count } وسيلة إعلام
}
article-gone-title = الخبر غير موجود
article-gone-text = لا يملك Panorama هذا الخبر، أو لم يعد يحتفظ به.
article-gone-link = اقرأ آخر الأخبار
share-title = شارك هذا الخبر
share-native = مشاركة…
share-email = البريد الإلكتروني
share-copy = نسخ الرابط
share-copied = تم نسخ الرابط.
share-copy-this = انسخ هذا الرابط: { $url }

## Saved stories
saved-title = الأخبار المحفوظة
saved-lede = الأخبار التي حفظتها، الأحدث أولًا. تُحفظ في هذا المتصفح فقط.
saved-empty = لم تحفظ شيئًا بعد. اضغط «احفظ» على خبر لتحتفظ به هنا.

## Keyboard
keys-title = اختصارات لوحة المفاتيح
keys-next = الخبر التالي
keys-previous = الخبر السابق
keys-open = افتح الخبر
keys-save = احفظ الخبر أو ألغِ حفظه
keys-help = اعرض هذه المساعدة
keys-close = إغلاق

## Settings
settings-title = الإعدادات
settings-catalog-error = تعذّر تحميل الفهرس: { $error }
settings-countries = البلدان
settings-primary-country = البلد الرئيسي (إلزامي)
settings-choose-country = اختر بلدًا
settings-other-countries = بلدان أخرى (اختياري)
settings-languages = اختر لغة أخبار { $country }
settings-primary-language = اللغة الرئيسية (إلزامي)
settings-choose-language = اختر لغة
settings-other-languages = لغات أخرى (اختياري)
settings-no-other-language = لا توجد لغة أخرى متاحة
settings-no-other-source = لا يتوفر مصدر آخر
settings-sources = اختر مصدر أخبار { $country }
settings-primary-source = المصدر الرئيسي (إلزامي)
settings-choose-source = اختر مصدرًا
settings-other-sources = مصادر أخرى (اختياري)
settings-language-first = اختر لغة أولًا.
settings-no-feed = { $source } · { $language }: لا توجد خلاصة متاحة ({ $why })
settings-save = حفظ
settings-saved = تم الحفظ. يتبع خطك الزمني الآن هذه الاختيارات.
settings-not-saved = لم يتم الحفظ: { $why }
settings-missing = لم يتم الحفظ: عدد الاختيارات الإلزامية الناقصة: { $n }.
settings-removed = أُزيل { $names }: لا يُنشر باللغات المختارة.
settings-missing-country = اختر بلدًا رئيسيًا.
settings-missing-language = اختر لغة رئيسية لأخبار { $country }.
settings-missing-source = اختر مصدرًا رئيسيًا لأخبار { $country }.
settings-appearance = المظهر
settings-theme = السمة
theme-system = حسب النظام
theme-light = فاتحة
theme-dark = داكنة
settings-file = تفضيلاتك
settings-export = تصدير
settings-import = استيراد
settings-reset = إعادة الضبط الافتراضي
settings-nothing-to-export = لا شيء للتصدير: احفظ اختياراتك أولًا.
settings-not-imported = لم يتم الاستيراد: { $why }
settings-imported = تم الاستيراد والحفظ. { $notes }
settings-reset-done = تمت إعادة الضبط: نُسيت تفضيلاتك، وتُعرض النسخة المناسبة للغة متصفحك.
settings-file-help = تُحفظ في هذا المتصفح فقط. انقلها إلى متصفح آخر عبر ملف.

## News Archive
archive-title = أرشيف الأخبار
archive-description = كل الأخبار التي رآها Panorama، حسب اليوم.
archive-lede = الأخبار التي رآها Panorama، حسب اليوم، الأحدث أولًا.
archive-loading = جارٍ تحميل الأرشيف…
archive-error = تعذّر تحميل الأرشيف: { $error }
archive-empty = لا توجد أخبار بعد: تظهر هنا بعد قراءة الخلاصات.
archive-days = الأيام

## Contact Us
contact-title = اتصل بنا
contact-description = كيف تتواصل مع القائمين على Panorama هذا.
contact-error = تعذّر تحميل بيانات الاتصال: { $error }
contact-unconfigured = لم ينشر مشغّل Panorama هذا بيانات الاتصال.
contact-email = البريد الإلكتروني:

## Privacy Policy
privacy-title = سياسة الخصوصية
privacy-description = ما يحفظه Panorama وأين ولماذا: لا حسابات ولا تتبّع.
privacy-lede = لا توجد في Panorama حسابات ولا تتبّع. ما يُحفظ عنك يبقى في متصفحك.
privacy-browser = في متصفحك
privacy-prefs = تُحفظ تفضيلاتك (البلدان واللغات والمصادر) في التخزين المحلي لمتصفحك باسم { $key }. تتيح لك الإعدادات تصديرها أو استيرادها أو إعادة ضبطها.
privacy-read = تُحفظ الأخبار التي فتحتها في { $key } (معرّفاتها فقط، 2,000 على الأكثر)، ليُظهرها الخط الزمني باهتة.
privacy-saved = تُحفظ الأخبار التي حفظتها في { $key } (العنوان والناشر والوقت والملخص والروابط)، لتقرأ القائمة دون اتصال.
privacy-offline = تُحفظ نسخ من الصفحات التي تفتحها والأخبار التي تحفظها (200 على الأكثر) في ذاكرة التخزين المؤقت لمتصفحك تحت { $cache }، مع ملفات هذا الإصدار، لتقرأ Panorama دون اتصال.
privacy-cookie = ملف تعريف الارتباط { $cookie } يحمل معرّفات مصادر نسختك، ليعرض الخادم نسختك من أول تحميل (فهو لا يستطيع قراءة التخزين المحلي). قبل أن تختار نسخة، يحمل النسخة المقترحة من لغات متصفحك.
privacy-display = ملفات تعريف الارتباط { $theme } و{ $view } و{ $lang } تحمل السمة واختيارك بين البطاقات والقائمة المختصرة ولغة الواجهة، للسبب نفسه.
privacy-cookie-life = يدوم كل ملف تعريف ارتباط 400 يوم، ولا يُرسل إلا إلى هذا الموقع، ولا يحمل شيئًا آخر.
privacy-clear = مسح بيانات هذا الموقع في متصفحك يزيلها كلها.
privacy-server = على الخادم
privacy-fetch = يجلب الخادم خلاصات الناشرين، وعندما تفتح خبرًا، صفحة ذلك الخبر. يرى الناشرون خادم Panorama، لا أنت.
privacy-archive = يحتفظ في قاعدة بياناته بالأخبار التي قرأها ونص كل صفحة جلبها (أرشيف الأخبار والبحث) لمدة سنة ما لم يختر مشغّله غير ذلك، ولا يحتفظ أبدًا بمن قرأها.
privacy-search = ما تبحث عنه يُقرأ فقط للإجابة عن ذلك الطلب، ولا يُحفظ ولا يُسجَّل.
privacy-logs = يسجّل الخادم الخلاصات التي فشلت (عنوان الخلاصة والخطأ) والطلبات التي فشلت من جهته. لا يسجّل عنوانك ولا ملفات تعريف الارتباط ولا تفضيلاتك، ولا يكتب سطرًا لكل زيارة صفحة.
privacy-third = الأطراف الثالثة
privacy-images = تُحمَّل صور الأخبار من خوادم الناشرين أنفسهم، التي ترى طلب متصفحك لها كما لأي صورة على الويب.
privacy-links = «اقرأ الخبر كاملًا» وروابط المشاركة تنقلك إلى الناشر أو الشبكة التي تختارها، وفق سياستها. لا يرسل Panorama إليها أي مُحيل.
privacy-none = لا توجد نصوص تحليلات أو إعلانات أو تتبّع، ولا نصوص برمجية من أطراف ثالثة من أي نوع.
privacy-questions = أسئلة؟ اتصل بنا.

offline-banner = غير متصل: أخبار { $time }
update-ready = إصدار جديد من Panorama جاهز.
update-reload = إعادة التحميل

## Search
nav-search = بحث
keys-search = ابحث في كل الأخبار
search-title = بحث
search-description = اعثر على أي خبر يحفظه Panorama، بأي لغة.
search-label = الكلمات المطلوبة
search-submit = ابحث
search-country = البلد
search-language = اللغة
search-any = الكل
search-help = يجب أن تظهر كل كلمة؛ ضع الكلمات بين "علامتي تنصيص" للبحث عنها معًا.
search-loading = جارٍ البحث…
search-error = تعذّر البحث الآن.
search-none = لا يوجد خبر يحتوي على «{ $query }».
search-results = النتائج
search-more = مزيد من النتائج
details = التفاصيل
archive-filter = تضييق الأرشيف
archive-more = مزيد من أخبار هذا اليوم
archive-apply = اعرض
filter-ignored = لم يُفهم فلم يُطبَّق:
filter-show-all = اعرض كل الأخبار
story-kicker = خبر واحد كما يرويه العالم
story-loading = جارٍ تحميل الخبر…
story-error = تعذّر تحميل هذا الخبر. حاول مرة أخرى بعد قليل.
story-counts = { $outlets ->
    [one] وسيلة إعلام واحدة
    [two] وسيلتا إعلام
    [few] { $outlets } وسائل إعلام
   *[other] { $outlets } وسيلة إعلام
} في { $countries ->
    [one] بلد واحد
    [two] بلدين
    [few] { $countries } بلدان
   *[other] { $countries } بلدًا
}
story-covered-in = التغطية في: { $countries }
story-not-yet = لم يصل بعد إلى: { $countries }
story-pickup = متى تناولته كل دولة
story-first = الأول
story-headlines = عناوين كل وسيلة إعلام، حسب البلد واللغة
story-alone = لم تتناول أي وسيلة إعلام أخرى هذا الخبر بعد.
related-whole-story = الخبر كاملًا، بلدًا بلدًا
card-undated = لم يذكر المصدر تاريخًا
trouble-refused = على عنوان لا يقرأ منه Panorama (شبكة خاصة مثلًا)
own-feeds-heading = خلاصاتك الخاصة
own-feeds-none = لا شيء بعد: أضف أي وسيلة إعلام بعنوان خلاصتها أو موقعها.
own-feed-address = عنوان خلاصة، أو موقع له خلاصة
own-feed-find = ابحث عن الخلاصة
own-feed-finding = جارٍ قراءة هذا العنوان…
own-feed-add = أضف إلى { $country }
own-feed-added = أُضيفت. احفظ لتبقى.
own-feed-remove = إزالة
own-feed-language = لغتها
own-feed-also = يقدّم الموقع أيضًا:
own-feed-in-catalog = ‏{ $source } موجود في Panorama: سيكون أحد مصادرك هنا.
own-feed-refused = لا يقرأ Panorama من هذا العنوان (شبكة خاصة، أو منفذ غير معتاد).
own-feed-unreadable = لا توجد على هذا العنوان خلاصة يستطيع Panorama قراءتها.
own-feed-too-many = خلاصات جديدة كثيرة دفعة واحدة: حاول مرة أخرى بعد دقيقة.
own-feed-bad-address = هذا ليس عنوان ويب.
own-feed-full = لديك 50 خلاصة خاصة، وهو أقصى ما يحتفظ به Panorama: أزل واحدة أولًا.
card-own-feed = خلاصتك
own-feed-in-catalog-elsewhere = ‏{ $source } موجود في Panorama ضمن { $country }: اختره من مصادر ذلك البلد.
privacy-own-feeds = الخلاصة التي تضيفها بنفسك: يصل عنوانها إلى الخادم فيقرؤها (لا من شبكة خاصة أبدًا) ويحتفظ بالعنوان وعنوان الخلاصة ولغتها تحت معرّف مشتق من العنوان. تُحفظ أخبارها منفصلة عن أخبار الفهرس (وتُحذف معها حين تقدم)، ولا تظهر إلا للطلبات التي تسمّي تلك الخلاصة أو أحد أخبارها، ولا يُبحث فيها ولا تؤرشف ولا تُجمّع لأي شخص آخر؛ ولا يُقارن أحد أخبارها بأخبار الفهرس إلا ليعرض لك الأخبار ذات الصلة به. لا شيء يربط الخلاصة بك: قائمتك تبقى في هذا المتصفح.
opml-heading = الخلاصات بصيغة OPML
opml-help = انقل مصادرك وخلاصاتك الخاصة إلى قارئ خلاصات آخر أو منه.
opml-export = تصدير OPML
opml-import = استيراد OPML…
opml-new = ستُضاف
opml-present = موجودة من قبل
opml-refused = مرفوضة
opml-skipped = متروكة
opml-import-n = { $n ->
    [one] استيراد خلاصة واحدة
    [two] استيراد خلاصتين
    [few] استيراد { $n } خلاصات
   *[other] استيراد { $n } خلاصة
}
opml-cancel = إلغاء
opml-imported = { $n ->
    [one] استُوردت خلاصة واحدة.
    [two] استُوردت خلاصتان.
    [few] استُوردت { $n } خلاصات.
   *[other] استُوردت { $n } خلاصة.
}
opml-imported-unsaved = تم الاستيراد: اختر ما زال ناقصًا، ثم احفظ.
opml-too-large = هذا الملف أكبر من 1 ميغابايت: ليس قائمة خلاصات. لم يتغير شيء.
opml-unreadable = تعذّرت قراءة هذا الملف بصيغة OPML. لم يتغير شيء.
nav-topics = المواضيع
topic-follow = تابع هذا البحث
topic-following = متابَع: إيقاف
topic-new = { $n } جديد
topic-full = تتابع 20 بحثًا، وهو أقصى ما يحتفظ به Panorama: أوقف واحدًا أولًا.
privacy-topics = تُحفظ عمليات البحث التي تتابعها في { $key } مع آخر مرة اطّلعت فيها على كل منها؛ ولعدّ أخبارها الجديدة تُرسَل كل عملية بحث إلى الخادم كأي بحث.
