# L'interface de Panorama en français.

## Site
site-tagline = L'actualité de plusieurs pays, en plusieurs langues
site-description = Panorama : l'actualité de plusieurs pays en plusieurs langues, dans un seul fil.
nav-main = Principal
nav-news = Actualités
nav-saved = Enregistrés
nav-settings = Réglages
nav-skip = Aller aux actualités
footer-nav = Pied de page
footer-archive = Archives
footer-privacy = Confidentialité
footer-contact = Nous contacter
footer-language = Langue
footer-language-auto = Comme mon édition ({ $language })
loading = Chargement…
back-to-news = Retour aux actualités
not-found-title = Page introuvable

## Countries, languages, categories
country-IN = Inde
country-US = États-Unis
country-QA = Qatar
country-DE = Allemagne
country-CN = Chine
country-CA = Canada
country-WORLD = Monde
language-en = anglais
language-hi = hindi
language-ar = arabe
language-de = allemand
language-zh = chinois
language-fr = français
category-national = National
category-international = International
category-business = Économie
category-entertainment = Divertissement
category-sports = Sports
category-special = Spécial
category-all = Toutes les rubriques
categories-nav = Rubriques

## Relative times
time-just-now = à l'instant
time-minutes = il y a { $n } min
time-hours = il y a { $n } h
time-yesterday = hier
time-days = { $n ->
    [one] il y a { $n } jour
   *[other] il y a { $n } jours
}
time-local = { $time } chez vous
reading-time = { $n } min de lecture
article-back = Retour aux actualités

## Timeline
timeline-loading = Chargement des actualités…
timeline-error = Impossible de charger les actualités : { $error }
timeline-stories = Articles
timeline-empty = Aucun article ici pour l'instant.
view-label = Afficher les articles en
view-cards = Cartes
view-compact = Compact
timeline-empty-no-feed = Aucune de vos sources n'a de flux { $category }.
timeline-empty-offer = Ces médias de vos pays en ont un :
timeline-empty-none-offer = Aucun média de vos pays n'en a encore.
timeline-empty-settings = Ajouter des sources dans les réglages
new-stories = { $n ->
    [one] { $n } nouvel article
   *[other] { $n } nouveaux articles
}
pull-more = Tirez pour actualiser
pull-release = Relâchez pour actualiser
timeline-older = Articles plus anciens
timeline-top = À la une de { $source }
timeline-narrow = Filtrer le fil
timeline-all-sources = Toutes les sources
card-also = Aussi chez { $outlets }
card-save = Enregistrer
card-saved = Enregistré
card-save-label = Enregistrer « { $title } »

## Source health
sources = Sources
sources-failed = { $n } en échec
sources-stale = { $n } périmées
sources-loading = { $n } en chargement
health-stories = { $n ->
    [one] { $n } article
   *[other] { $n } articles
}
health-ok = { $stories }, mis à jour { $updated }
health-ok-newest = { $stories }, le plus récent { $newest }, mis à jour { $updated }
health-stale = { $trouble } ; ses { $stories } affichés datent de { $updated }
health-loading = chargement en cours
health-failed = { $trouble } ; aucun article de cette source pour l'instant
health-no-feed = aucun flux disponible
trouble-other = n'a pas pu être lu
trouble-too-large = a envoyé un flux trop volumineux
trouble-not-a-feed = a envoyé une page qui n'est pas un flux d'actualités
trouble-busy = a demandé d'attendre avant la prochaine lecture
trouble-server = son serveur a eu un problème
trouble-not-found = son flux n'est plus à son adresse
trouble-unreachable = n'a pas pu être joint
health-quiet = { $stories }, rien de nouveau depuis { $newest }

## Edition banner and notices
edition-title = Votre édition
edition-picked = , choisie d'après la langue de votre navigateur :
edition-keep = Garder cette édition
edition-choose = Choisir pays, langues et sources
edition-not-kept = Non conservée : { $error }.
notices-dismiss = Fermer
notice-unreadable = Vos préférences enregistrées n'ont pas pu être lues : l'édition par défaut est affichée.
notice-newer = Vos préférences enregistrées viennent d'un Panorama plus récent (version { $version }) : l'édition par défaut est affichée.
notice-migrated = Vos préférences ont été mises à niveau depuis la version { $from }.
notice-dropped-countries = Certains pays enregistrés ne sont plus disponibles et ont été retirés : { $names }.
notice-dropped-languages = Certaines langues enregistrées ne sont plus disponibles et ont été retirées : { $names }.
notice-dropped-sources = Certaines sources enregistrées ne sont plus disponibles et ont été retirées : { $names }.

## Article page
article-loading = Chargement de l'article…
article-error = Impossible de charger l'article : { $error }
article-pending = Récupération de l'article complet auprès du média ; en attendant, le résumé de son flux.
article-fallback = L'article complet n'a pas pu être lu sur la page de { $source } ; voici le résumé de son flux.
article-read-full = Lire l'article complet sur { $source }
article-related = Plus d'actualités liées
article-related-empty = Aucune couverture liée trouvée pour l'instant.
related-other-languages = Dans d'autres langues
related-covered-by = Couvert par : { $countries }
related-shared = Relié par : { $anchors }
card-other-languages = Aussi en { $count ->
    [one] une autre langue
   *[other] { $count } autres langues
}
card-more-outlets = { $count ->
    [one] +1 média
   *[other] +{ $count } médias
}
article-gone-title = Article introuvable
article-gone-text = Panorama n'a pas cet article, ou ne le conserve plus.
article-gone-link = Lire les dernières actualités
share-title = Partager cet article
share-native = Partager…
share-email = E-mail
share-copy = Copier le lien
share-copied = Lien copié.
share-copy-this = Copiez ce lien : { $url }

## Saved stories
saved-title = Articles enregistrés
saved-lede = Les articles que vous avez enregistrés, les plus récents d'abord. Ils restent dans ce navigateur uniquement.
saved-empty = Rien d'enregistré pour l'instant. Appuyez sur « Enregistrer » sur un article pour le garder ici.

## Keyboard
keys-title = Raccourcis clavier
keys-next = article suivant
keys-previous = article précédent
keys-open = ouvrir l'article
keys-save = enregistrer ou retirer l'article
keys-help = afficher cette aide
keys-close = Fermer

## Settings
settings-title = Réglages
settings-catalog-error = Impossible de charger le catalogue : { $error }
settings-countries = Pays
settings-primary-country = Pays principal (obligatoire)
settings-choose-country = Choisir un pays
settings-other-countries = Autres pays (facultatif)
settings-languages = Langue des actualités pour { $country }
settings-primary-language = Langue principale (obligatoire)
settings-choose-language = Choisir une langue
settings-other-languages = Autres langues (facultatif)
settings-no-other-language = Aucune autre langue disponible
settings-no-other-source = Aucune autre source disponible
settings-sources = Source des actualités pour { $country }
settings-primary-source = Source principale (obligatoire)
settings-choose-source = Choisir une source
settings-other-sources = Autres sources (facultatif)
settings-language-first = Choisissez d'abord une langue.
settings-no-feed = { $source } · { $language } : aucun flux disponible ({ $why })
settings-save = Enregistrer
settings-saved = Enregistré. Votre fil suit maintenant ces choix.
settings-not-saved = Non enregistré : { $why }
settings-missing = { $n ->
    [one] Non enregistré : { $n } choix obligatoire manque.
   *[other] Non enregistré : { $n } choix obligatoires manquent.
}
settings-removed = { $names } retiré : pas publié dans les langues choisies.
settings-missing-country = Choisissez un pays principal.
settings-missing-language = Choisissez une langue principale pour { $country }.
settings-missing-source = Choisissez une source principale pour { $country }.
settings-appearance = Apparence
settings-theme = Thème
theme-system = Comme le système
theme-light = Clair
theme-dark = Sombre
settings-file = Vos préférences
settings-export = Exporter
settings-import = Importer
settings-reset = Rétablir les valeurs par défaut
settings-nothing-to-export = Rien à exporter : enregistrez d'abord vos choix.
settings-not-imported = Non importé : { $why }
settings-imported = Importé et enregistré. { $notes }
settings-reset-done = Réinitialisé : vos préférences sont oubliées ; l'édition de la langue de votre navigateur est affichée.
settings-file-help = Elles restent dans ce navigateur uniquement. Un fichier permet de les emporter dans un autre.

## News Archive
archive-title = Archives
archive-description = Tous les articles que Panorama a vus, par jour.
archive-lede = Les articles que Panorama a vus, par jour, les plus récents d'abord.
archive-loading = Chargement des archives…
archive-error = Impossible de charger les archives : { $error }
archive-empty = Aucun article pour l'instant : ils apparaissent ici une fois les flux lus.
archive-days = Jours

## Contact Us
contact-title = Nous contacter
contact-description = Comment joindre les personnes qui font fonctionner ce Panorama.
contact-error = Impossible de charger les coordonnées : { $error }
contact-unconfigured = L'exploitant de ce Panorama n'a pas publié ses coordonnées.
contact-email = E-mail :

## Privacy Policy
privacy-title = Politique de confidentialité
privacy-description = Ce que Panorama conserve, où et pourquoi : pas de compte, pas de pistage.
privacy-lede = Panorama n'a ni comptes ni pistage. Ce qu'il garde sur vous reste dans votre navigateur.
privacy-browser = Dans votre navigateur
privacy-prefs = Vos préférences (pays, langues et sources) sont gardées dans le stockage local de votre navigateur sous { $key }. Les réglages permettent de les exporter, importer ou réinitialiser.
privacy-read = Les articles que vous avez ouverts sont gardés sous { $key } (leurs identifiants seulement, 2 000 au plus), pour que le fil les atténue.
privacy-saved = Les articles que vous enregistrez sont gardés sous { $key } (titre, média, heure, résumé et liens), pour lire la liste sans connexion.
privacy-offline = Des copies des pages que vous ouvrez et des articles que vous enregistrez (200 au plus) sont gardées dans le cache de votre navigateur sous { $cache }, avec les fichiers de cette version, pour lire Panorama sans connexion.
privacy-cookie = Le cookie { $cookie } contient les identifiants des sources de votre édition, pour que le serveur affiche votre édition dès le premier affichage (il ne peut pas lire le stockage local). Avant que vous choisissiez une édition, il contient celle proposée d'après les langues de votre navigateur.
privacy-display = Les cookies { $theme }, { $view } et { $lang } contiennent votre thème, votre choix entre cartes et liste compacte, et la langue de l'interface, pour la même raison.
privacy-cookie-life = Chaque cookie dure 400 jours, n'est envoyé qu'à ce site et ne contient rien d'autre.
privacy-clear = Effacer les données de ce site dans votre navigateur supprime tout cela.
privacy-server = Sur le serveur
privacy-fetch = Le serveur récupère les flux des médias et, quand vous ouvrez un article, la page de cet article. Les médias voient le serveur de Panorama, pas vous.
privacy-archive = Il garde dans sa base de données les articles lus et le texte de chaque page récupérée (les archives et la recherche), pendant un an sauf choix contraire de son exploitant ; jamais qui les a lus.
privacy-search = Ce que vous cherchez n'est lu que pour répondre à la requête ; ce n'est ni gardé ni journalisé.
privacy-logs = Son journal note les flux en échec (adresse du flux et erreur) et les requêtes en échec côté serveur. Il ne note ni votre adresse, ni vos cookies, ni vos préférences, et n'écrit aucune ligne par page vue.
privacy-third = Tiers
privacy-images = Les images des articles se chargent depuis les serveurs des médias eux-mêmes, qui voient la requête de votre navigateur comme pour toute image du web.
privacy-links = « Lire l'article complet » et les liens de partage vous mènent au média ou au réseau de votre choix, sous sa propre politique. Panorama ne leur envoie aucun référent.
privacy-none = Il n'y a aucun script d'analyse, de publicité ou de pistage, ni aucun script tiers.
privacy-questions = Des questions ? Contactez-nous.

offline-banner = Hors ligne : actualités du { $time }
update-ready = Une nouvelle version de Panorama est prête.
update-reload = Recharger

## Search
nav-search = Recherche
keys-search = chercher dans tous les articles
search-title = Recherche
search-description = Retrouver tout article gardé par Panorama, dans toutes les langues.
search-label = Mots à chercher
search-submit = Chercher
search-country = Pays
search-language = Langue
search-any = Tous
search-help = Chaque mot doit figurer ; mettez des mots entre "guillemets" pour les chercher ensemble.
search-loading = Recherche en cours…
search-error = La recherche est impossible pour le moment.
search-none = Aucun article ne contient « { $query } ».
search-results = Résultats
search-more = Plus de résultats
details = Détails
archive-filter = Affiner l’archive
archive-more = Plus d’articles de ce jour
archive-apply = Afficher
filter-ignored = Filtre non compris, donc non appliqué :
filter-show-all = Voir tous les articles
story-kicker = Une actualité, telle que le monde la raconte
story-loading = Chargement de l'actualité…
story-error = Cette actualité n'a pas pu être chargée. Réessayez dans un instant.
story-counts = { $outlets ->
    [one] 1 média
   *[other] { $outlets } médias
} dans { $countries ->
    [one] 1 pays
   *[other] { $countries } pays
}
story-covered-in = Couvert en : { $countries }
story-not-yet = Pas encore en : { $countries }
story-pickup = Quand chaque pays l'a reprise
story-first = en premier
story-headlines = Les titres de chaque média, par pays et par langue
story-alone = Aucun autre média n'a encore couvert cette actualité.
related-whole-story = Toute l'histoire, pays par pays
card-undated = non daté par le média
trouble-refused = est à une adresse que Panorama ne lit pas (un réseau privé, par exemple)
own-feeds-heading = Vos propres flux
own-feeds-none = Aucun pour l'instant : ajoutez n'importe quel média par l'adresse de son flux ou de son site.
own-feed-address = Adresse d'un flux, ou d'un site qui en a un
own-feed-find = Trouver le flux
own-feed-finding = Lecture de cette adresse…
own-feed-add = Ajouter à { $country }
own-feed-added = Ajouté. Enregistrez pour le garder.
own-feed-remove = Retirer
own-feed-language = Sa langue
own-feed-also = Le site propose aussi :
own-feed-in-catalog = { $source } est déjà dans Panorama : ce sera une de vos sources ici.
own-feed-refused = Panorama ne lit pas à cette adresse (un réseau privé, ou un port inhabituel).
own-feed-unreadable = Aucun flux lisible par Panorama à cette adresse.
own-feed-too-many = Trop de nouveaux flux à la fois : réessayez dans une minute.
own-feed-bad-address = Ce n'est pas une adresse web.
own-feed-full = Vous avez 50 flux à vous, le maximum : retirez-en un d'abord.
card-own-feed = Votre flux
own-feed-in-catalog-elsewhere = { $source } est dans Panorama sous { $country } : choisissez-le parmi les sources de ce pays.
privacy-own-feeds = Un flux que vous ajoutez : son adresse parvient au serveur, qui le lit (jamais depuis un réseau privé) et garde l'adresse, le titre et la langue du flux sous un identifiant tiré de l'adresse. Ses articles sont gardés à part de ceux du catalogue (et effacés avec eux quand ils vieillissent), ne sont montrés qu'aux requêtes qui nomment ce flux ou l'un de ses articles, et ne sont jamais cherchés, archivés ni regroupés pour personne d'autre ; un article n'est comparé à ceux du catalogue que pour vous en montrer les actualités liées. Rien ne relie le flux à vous : votre liste reste dans ce navigateur.
opml-heading = Flux en OPML
opml-help = Transférez vos sources et vos propres flux vers ou depuis un autre lecteur de flux.
opml-export = Exporter en OPML
opml-import = Importer un OPML…
opml-new = Seront ajoutés
opml-present = Déjà là
opml-refused = Refusés
opml-skipped = Ignorés
opml-import-n = { $n ->
    [one] Importer 1 flux
   *[other] Importer { $n } flux
}
opml-cancel = Annuler
opml-imported = { $n ->
    [one] 1 flux importé.
   *[other] { $n } flux importés.
}
opml-imported-unsaved = Importé : choisissez ce qui manque encore, puis Enregistrer.
opml-too-large = Ce fichier dépasse 1 Mo : ce n'est pas une liste de flux. Rien n'a changé.
opml-unreadable = Ce fichier n'a pas pu être lu comme OPML. Rien n'a changé.
nav-topics = Sujets
topic-follow = Suivre cette recherche
topic-following = Suivie : arrêter
topic-new = { $n } nouveaux
topic-full = Vous suivez 20 recherches, le maximum : arrêtez-en une d'abord.
privacy-topics = Les recherches que vous suivez sont gardées sous { $key }, avec le moment où vous les avez regardées ; compter leurs nouveaux articles interroge le serveur pour chacune, comme toute recherche.
