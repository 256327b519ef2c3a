# Panorama 的中文界面。

## Site
site-tagline = 多国新闻，多种语言
site-description = Panorama：多国、多语言的新闻，汇于同一条时间线。
nav-main = 主导航
nav-news = 新闻
nav-saved = 收藏
nav-settings = 设置
nav-skip = 跳到新闻
footer-nav = 页脚
footer-archive = 新闻存档
footer-privacy = 隐私政策
footer-contact = 联系我们
footer-language = 语言
footer-language-auto = 与我的版本相同（{ $language }）
loading = 加载中…
back-to-news = 返回新闻
not-found-title = 找不到页面

## Countries, languages, categories
country-IN = 印度
country-US = 美国
country-QA = 卡塔尔
country-DE = 德国
country-CN = 中国
country-CA = 加拿大
country-WORLD = 世界
language-en = 英语
language-hi = 印地语
language-ar = 阿拉伯语
language-de = 德语
language-zh = 中文
language-fr = 法语
category-national = 国内
category-international = 国际
category-business = 财经
category-entertainment = 娱乐
category-sports = 体育
category-special = 专题
category-all = 全部分类
categories-nav = 分类

## Relative times
time-just-now = 刚刚
time-minutes = { $n } 分钟前
time-hours = { $n } 小时前
time-yesterday = 昨天
time-days = { $n } 天前
time-local = 您的时间 { $time }
reading-time = 阅读约 { $n } 分钟
article-back = 返回新闻

## Timeline
timeline-loading = 正在加载新闻…
timeline-error = 无法加载新闻：{ $error }
timeline-stories = 新闻
timeline-empty = 这里还没有新闻。
view-label = 新闻显示方式
view-cards = 卡片
view-compact = 紧凑
timeline-empty-no-feed = 您的来源都没有“{ $category }”订阅源。
timeline-empty-offer = 您所选国家的这些媒体有：
timeline-empty-none-offer = 您所选国家的媒体暂时都没有。
timeline-empty-settings = 在设置中添加来源
new-stories = { $n } 条新闻更新
pull-more = 下拉刷新
pull-release = 松开即可刷新
timeline-older = 更早的新闻
timeline-top = { $source } 头条
timeline-narrow = 筛选时间线
timeline-all-sources = 全部来源
card-also = 另见 { $outlets }
card-save = 收藏
card-saved = 已收藏
card-save-label = 收藏“{ $title }”

## Source health
sources = 来源
sources-failed = { $n } 个失败
sources-stale = { $n } 个过时
sources-loading = { $n } 个加载中
health-stories = { $n } 条新闻
health-ok = { $stories }，更新于 { $updated }
health-ok-newest = { $stories }，最新 { $newest }，更新于 { $updated }
health-stale = { $trouble }；显示的 { $stories }来自{ $updated }
health-loading = 仍在加载
health-failed = { $trouble }；暂时没有来自该来源的新闻
health-no-feed = 没有可用的订阅源
trouble-other = 无法读取
trouble-too-large = 发送的订阅源太大，无法读取
trouble-not-a-feed = 发送的页面不是新闻订阅源
trouble-busy = 要求稍后再读取
trouble-server = 的服务器出现问题
trouble-not-found = 的订阅源已不在原地址
trouble-unreachable = 无法连接
health-quiet = { $stories }，自{ $newest }以来没有新内容

## Edition banner and notices
edition-title = 您的版本
edition-picked = ，根据您浏览器的语言选择：
edition-keep = 保留此版本
edition-choose = 选择国家、语言和来源
edition-not-kept = 未保留：{ $error }。
notices-dismiss = 关闭
notice-unreadable = 无法读取您保存的偏好设置，因此显示默认版本。
notice-newer = 您保存的偏好设置来自更新的 Panorama（版本 { $version }），因此显示默认版本。
notice-migrated = 您的偏好设置已从版本 { $from } 升级。
notice-dropped-countries = 部分已保存的国家已不再提供，已被移除：{ $names }。
notice-dropped-languages = 部分已保存的语言已不再提供，已被移除：{ $names }。
notice-dropped-sources = 部分已保存的来源已不再提供，已被移除：{ $names }。

## Article page
article-loading = 正在加载新闻…
article-error = 无法加载新闻：{ $error }
article-pending = 正在从媒体获取全文；在此之前，显示其订阅源中的摘要。
article-fallback = 无法从 { $source } 的页面读取全文；以下是其订阅源中的摘要。
article-read-full = 在 { $source } 阅读全文
article-related = 更多相关新闻
article-related-empty = 暂未找到相关报道。
related-other-languages = 其他语言的报道
related-covered-by = 报道来源：{ $countries }
related-shared = 关联依据：{ $anchors }
card-other-languages = 另有 { $count } 种语言的报道
card-more-outlets = +{ $count } 家媒体
article-gone-title = 找不到这条新闻
article-gone-text = Panorama 没有这条新闻，或已不再保留。
article-gone-link = 阅读最新新闻
share-title = 分享这条新闻
share-native = 分享…
share-email = 电子邮件
share-copy = 复制链接
share-copied = 链接已复制。
share-copy-this = 复制此链接：{ $url }

## Saved stories
saved-title = 收藏的新闻
saved-lede = 您收藏的新闻，最新的在前。它们只保存在此浏览器中。
saved-empty = 还没有收藏。在新闻上点“收藏”，即可保存在这里。

## Keyboard
keys-title = 键盘快捷键
keys-next = 下一条新闻
keys-previous = 上一条新闻
keys-open = 打开新闻
keys-save = 收藏或取消收藏
keys-help = 显示此帮助
keys-close = 关闭

## Settings
settings-title = 设置
settings-catalog-error = 无法加载目录：{ $error }
settings-countries = 国家
settings-primary-country = 主要国家（必选）
settings-choose-country = 选择国家
settings-other-countries = 其他国家（可选）
settings-languages = 设置{ $country }的新闻语言
settings-primary-language = 主要语言（必选）
settings-choose-language = 选择语言
settings-other-languages = 其他语言（可选）
settings-no-other-language = 没有其他可用语言
settings-no-other-source = 没有其他可用来源
settings-sources = 设置{ $country }的新闻来源
settings-primary-source = 主要来源（必选）
settings-choose-source = 选择来源
settings-other-sources = 其他来源（可选）
settings-language-first = 请先选择语言。
settings-no-feed = { $source } · { $language }：没有可用的订阅源（{ $why }）
settings-save = 保存
settings-saved = 已保存。您的时间线现在按这些选择显示。
settings-not-saved = 未保存：{ $why }
settings-missing = 未保存：缺少 { $n } 项必选内容。
settings-removed = 已移除 { $names }：不以所选语言发布。
settings-missing-country = 请选择主要国家。
settings-missing-language = 请为{ $country }选择主要语言。
settings-missing-source = 请为{ $country }选择主要来源。
settings-appearance = 外观
settings-theme = 主题
theme-system = 跟随系统
theme-light = 浅色
theme-dark = 深色
settings-file = 您的偏好设置
settings-export = 导出
settings-import = 导入
settings-reset = 恢复默认
settings-nothing-to-export = 没有可导出的内容：请先保存您的选择。
settings-not-imported = 未导入：{ $why }
settings-imported = 已导入并保存。{ $notes }
settings-reset-done = 已重置：您的偏好设置已清除；现在显示适合您浏览器语言的版本。
settings-file-help = 它们只保存在此浏览器中。可通过文件转移到其他浏览器。

## News Archive
archive-title = 新闻存档
archive-description = Panorama 见过的每条新闻，按日期排列。
archive-lede = Panorama 见过的新闻，按日期排列，最新的在前。
archive-loading = 正在加载存档…
archive-error = 无法加载存档：{ $error }
archive-empty = 还没有新闻：读取订阅源后会出现在这里。
archive-days = 日期

## Contact Us
contact-title = 联系我们
contact-description = 如何联系运营此 Panorama 的人。
contact-error = 无法加载联系信息：{ $error }
contact-unconfigured = 此 Panorama 的运营者没有公布联系信息。
contact-email = 电子邮件：

## Privacy Policy
privacy-title = 隐私政策
privacy-description = Panorama 保存什么、保存在哪里、为什么：没有账户，没有跟踪。
privacy-lede = Panorama 没有账户，也没有跟踪。关于您的内容都保存在您的浏览器中。
privacy-browser = 在您的浏览器中
privacy-prefs = 您的偏好设置（国家、语言和来源）保存在浏览器本地存储的 { $key } 中。您可以在设置中导出、导入或重置。
privacy-read = 您打开过的新闻保存在 { $key } 中（仅其编号，最多 2,000 条），以便时间线将其变暗显示。
privacy-saved = 您收藏的新闻保存在 { $key } 中（标题、媒体、时间、摘要和链接），以便离线阅读列表。
privacy-offline = 您打开的页面和保存的新闻（最多 200 篇）的副本与本版本的应用文件一起保存在浏览器缓存 { $cache } 中，以便离线阅读 Panorama。
privacy-cookie = Cookie { $cookie } 保存您版本中各来源的编号，以便服务器在首次显示时就呈现您的版本（服务器无法读取本地存储）。在您选择版本之前，它保存根据浏览器语言推荐的版本。
privacy-display = Cookie { $theme }、{ $view } 和 { $lang } 出于同样的原因保存您的主题、卡片或紧凑列表的选择以及界面语言。
privacy-cookie-life = 每个 Cookie 有效期 400 天，只发送给本网站，不含其他内容。
privacy-clear = 在浏览器中清除本网站的数据即可全部删除。
privacy-server = 在服务器上
privacy-fetch = 服务器获取媒体的订阅源，并在您打开新闻时获取该新闻的页面。媒体看到的是 Panorama 的服务器，而不是您。
privacy-archive = 它在数据库中保留读取过的新闻以及抓取过的每个页面的正文（新闻存档和搜索），保留一年，除非运营者另有设置；但从不记录是谁读了它们。
privacy-search = 您搜索的内容只用于回答该次请求，既不保存也不记入日志。
privacy-logs = 它的日志记录失败的订阅源（地址和错误）以及服务器端失败的请求。它不记录您的地址、Cookie 或偏好设置，也不为每次页面浏览写日志。
privacy-third = 第三方
privacy-images = 新闻图片从媒体自己的服务器加载，和网上任何图片一样，它们会看到您浏览器的请求。
privacy-links = “阅读全文”和分享链接会带您前往您选择的媒体或网络，适用其自身政策。Panorama 不向它们发送来源页信息。
privacy-none = 没有任何分析、广告或跟踪脚本，也没有任何第三方脚本。
privacy-questions = 有问题？联系我们。

offline-banner = 离线：显示 { $time } 的新闻
update-ready = Panorama 新版本已就绪。
update-reload = 重新加载

## Search
nav-search = 搜索
keys-search = 搜索全部新闻
search-title = 搜索
search-description = 查找 Panorama 保存的任何新闻，任何语言。
search-label = 要查找的词
search-submit = 搜索
search-country = 国家
search-language = 语言
search-any = 全部
search-help = 每个词都必须出现；把词放在"引号"中可按词组查找。
search-loading = 正在搜索…
search-error = 暂时无法搜索。
search-none = 没有新闻包含“{ $query }”。
search-results = 搜索结果
search-more = 更多结果
details = 详情
archive-filter = 筛选存档
archive-more = 当天更多新闻
archive-apply = 显示
filter-ignored = 无法识别，未应用：
filter-show-all = 显示全部新闻
story-kicker = 同一则新闻，世界各地怎么说
story-loading = 正在加载这则新闻…
story-error = 无法加载这则新闻，请稍后再试。
story-counts = { $countries } 个国家的 { $outlets } 家媒体
story-covered-in = 已报道：{ $countries }
story-not-yet = 尚未报道：{ $countries }
story-pickup = 各国何时开始报道
story-first = 最先
story-headlines = 各家媒体的标题，按国家和语言排列
story-alone = 尚无其他媒体报道这则新闻。
related-whole-story = 查看完整报道，按国家排列
card-undated = 媒体未注明日期
trouble-refused = 位于 Panorama 不读取的地址（例如私有网络）
own-feeds-heading = 您自己的订阅源
own-feeds-none = 还没有：可以用订阅源或网站的地址添加任何媒体。
own-feed-address = 订阅源的地址，或提供订阅源的网站地址
own-feed-find = 查找订阅源
own-feed-finding = 正在读取该地址…
own-feed-add = 添加到{ $country }
own-feed-added = 已添加。保存后生效。
own-feed-remove = 移除
own-feed-language = 语言
own-feed-also = 该网站还提供：
own-feed-in-catalog = { $source } 已在 Panorama 中：它将成为您在这里的来源之一。
own-feed-refused = Panorama 不从该地址读取（私有网络或不常用的端口）。
own-feed-unreadable = 该地址没有 Panorama 能读取的订阅源。
own-feed-too-many = 一次添加的新订阅源太多：请一分钟后再试。
own-feed-bad-address = 这不是一个网址。
own-feed-full = 您已有 50 个自己的订阅源，已达上限：请先移除一个。
card-own-feed = 您的订阅源
own-feed-in-catalog-elsewhere = { $source } 已在 Panorama 的{ $country }中：请在该国家的来源中选择它。
privacy-own-feeds = 您自己添加的订阅源：其地址会发送到服务器，由服务器读取（绝不从私有网络读取），并以由地址生成的标识保存地址、订阅源标题和语言。其新闻只保存在内存中，只提供给指明该订阅源的请求，绝不会为任何人搜索、存档或归组。没有任何东西把该订阅源与您联系起来：您的列表保存在此浏览器中。
opml-heading = 以 OPML 导入导出订阅源
opml-help = 把您的来源和自己的订阅源迁移到其他阅读器，或从其他阅读器迁入。
opml-export = 导出 OPML
opml-import = 导入 OPML…
opml-new = 将添加
opml-present = 已存在
opml-refused = 已拒绝
opml-skipped = 已跳过
opml-import-n = 导入 { $n } 个订阅源
opml-cancel = 取消
opml-imported = 已导入 { $n } 个订阅源。
opml-imported-unsaved = 已导入：请选择仍缺少的项目，然后保存。
opml-too-large = 该文件大于 1 MB，不是订阅源列表。未做任何更改。
opml-unreadable = 无法将该文件作为 OPML 读取。未做任何更改。
