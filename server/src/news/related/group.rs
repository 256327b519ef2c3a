//! Articles grouped into stories: pairs are scored on the anchors they share (weighted by how
//! rare each is among all the articles) and, within one language, on their words; pairs that
//! score high enough are linked. Within each language, links join stories only where the two
//! sides are linked densely enough, so one loose link does not chain two events into one;
//! those stories are then joined across languages as wholes (`across`).

use super::anchor_index::{AnchorIndex, Held, Kind, in_common, kind_of};
use super::anchors::{Features, key_word};
use super::terms::{TermIndex, Vector, cosine};
use super::text::{Script, tokens};
use super::translit;
use app::model::Language;
use app::model::Language::{Ar, Hi};
use chrono::{DateTime, Duration, Utc};
use foldhash::{HashMap, HashMapExt};
use std::rc::Rc;
use std::sync::Arc;

/// What the grouping reads of one article.
pub struct Doc {
    pub published: DateTime<Utc>,
    pub language: Language,
    /// Shared with the snapshot's cache of what it read (`Snapshot::build_after`).
    pub features: Arc<Features>,
}

#[derive(Clone, Debug)]
pub struct GroupOptions {
    /// Two articles further apart in time are never one story.
    pub link_window: Duration,
    /// The score two articles in one language need to be linked (their words count).
    pub threshold: f32,
    /// The score two articles in two languages need: names, acronyms and numbers only (no
    /// ordinary word counts across languages), places adding a little.
    pub threshold_across: f32,
}

impl Default for GroupOptions {
    fn default() -> Self {
        GroupOptions {
            link_window: Duration::hours(36),
            threshold: 5.5,
            threshold_across: 4.5,
        }
    }
}

/// One anchor two articles share, as each wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub key: String,
    pub a: String,
    pub b: String,
    pub weight: f32,
}

impl Shared {
    /// How the article asked about wrote it, and how the other did; `asked_is_a` when the
    /// article asked about is the link's side `a`.
    pub fn written(&self, asked_is_a: bool) -> (&str, &str) {
        if asked_is_a {
            (&self.a, &self.b)
        } else {
            (&self.b, &self.a)
        }
    }
}

/// Why two articles were linked.
#[derive(Clone, Debug)]
pub struct Link {
    pub score: f32,
    pub shared: Vec<Shared>,
    /// Cosine similarity of their words, for two articles in one language.
    pub words: Option<f32>,
}

pub struct Grouping {
    /// Each story's articles (indexes into the docs), a story of one included.
    pub stories: Vec<Vec<usize>>,
    pub story_of: Vec<usize>,
    /// Every linked pair (smaller index first).
    pub links: HashMap<(usize, usize), Link>,
    /// Each article's part: the story found within its language, before joining languages.
    pub part_of: Vec<usize>,
    /// Why two parts in two languages were joined (the two parts' ids, smaller first).
    pub bridges: HashMap<(usize, usize), Link>,
}

/// Words weigh this much against anchors, for two articles in one language (a cosine of 1
/// scores `WORDS_WEIGHT`).
const WORDS_WEIGHT: f32 = 12.0;
/// Places add to a score at most this much: country overlap alone must not link two stories.
pub(super) const PLACES_CAP: f32 = 1.5;
pub(super) const PLACE_FACTOR: f32 = 0.4;
const SAME_LANGUAGE_NAME_FACTOR: f32 = 0.5;
/// Two articles in two languages share at least this many names, acronyms or numbers to be
/// linked. The grouping scores no pair across languages (stories in two languages join as
/// wholes, in `across`, on two at least); placing one article does, to find the story told only
/// in other languages that it may join (`place`, which asks for names enough over its links).
const MIN_NAMES_ACROSS: usize = 1;
/// Two articles in one language share at least this much of their words to be one story.
const MIN_WORDS: f32 = 0.2;
/// Anchors and terms carried by more than this share of the articles link nothing by
/// themselves (they still count in the score of a pair found otherwise).
const COMMON_SHARE: f32 = 0.1;
/// Nor, in a large window, those carried by more articles than this: more than one story has
/// them (no event has that many articles), and pairing their carriers costs the most.
const MAX_COMMON: usize = 60;
/// The names (acronyms, numbers) two articles in one language, or two stories in two, share
/// are at least this share of those the one with fewer wrote, unless their words are nearly
/// the same: long reports share a few names by chance, or by their subject alone.
pub(super) const MIN_COVER: f32 = 0.2;
/// Two stories merge when at least this share of their cross pairs are linked.
pub(super) const MIN_DENSITY: f32 = 0.5;

/// How much a key carried by `df` of `total` articles tells.
pub(super) fn idf(df: usize, total: usize) -> f32 {
    ((total as f32 + 1.0) / df.max(1) as f32).ln().max(0.0)
}

/// Anchors and words carried by more articles than this link nothing by themselves.
pub(super) fn common_limit(total: usize) -> usize {
    ((total as f32 * COMMON_SHARE) as usize).clamp(3, MAX_COMMON)
}

/// Words of each article that find the others it may be linked to: its heaviest.
pub(super) const CANDIDATE_TERMS: usize = 16;
/// Names and telling words two articles in one language share, at least, to be scored.
pub(super) const MIN_SIGNALS: u16 = 2;

pub fn group(docs: &[Doc], options: &GroupOptions) -> Grouping {
    let n = docs.len();
    let common = common_limit(n);
    let anchors = AnchorIndex::new(docs);
    // Word vectors, and articles by the words that tell most of each (their heaviest): long
    // articles share many words by chance, and pairing on all of them finds nothing more.
    let terms = TermIndex::new(docs);
    let vectors: Vec<Vector> = terms.vectors(CANDIDATE_TERMS);
    let telling = super::terms::by_telling(&vectors);

    // Pairs within one language, counted by what they share: a name or acronym (not an
    // ordinary word's key, not a place), or a telling word, each rare enough. Two signals
    // make a candidate. Pairs across languages are not scored here: stories in two
    // languages are joined as wholes (`across`), on names their articles share together.
    // Each article counts its later partners in one array (no map of pairs to hash).
    let mut links = HashMap::new();
    let mut signals = vec![0u16; n];
    let mut touched: Vec<usize> = Vec::new();
    for a in 0..n {
        let da = &docs[a];
        let mut count = |b: usize| {
            if b > a
                && docs[b].language == da.language
                && (docs[b].published - da.published).abs() <= options.link_window
            {
                if signals[b] == 0 {
                    touched.push(b);
                }
                signals[b] += 1;
            }
        };
        for held in anchors.held(a) {
            if held.kind == Kind::Place || held.word || anchors.df(held.id) > common {
                continue;
            }
            for &(b, word) in anchors.carriers(held.id) {
                if !word {
                    count(b);
                }
            }
        }
        for &id in &vectors[a].telling {
            if terms.df(id) <= common {
                telling[id as usize].iter().for_each(|&b| count(b));
            }
        }
        for b in touched.drain(..) {
            if std::mem::take(&mut signals[b]) < MIN_SIGNALS {
                continue;
            }
            let words = cosine(&vectors[a], &vectors[b]);
            let (sa, sb) = (Side::of(docs, &anchors, a), Side::of(docs, &anchors, b));
            if let Some(link) = score_pair(sa, sb, Some(words), &anchors, options) {
                links.insert((a, b), link);
            }
        }
    }

    // Stories within each language (every link is within one), on their words; then joined
    // across languages as wholes.
    let (parts, part_of) = cluster(n, &links);
    let joined = super::across::join(docs, &anchors, &parts, common, options);
    let mut stories: Vec<Vec<usize>> = joined
        .stories
        .iter()
        .map(|held| {
            let mut story: Vec<usize> = held.iter().flat_map(|&p| parts[p].clone()).collect();
            story.sort_unstable();
            story
        })
        .collect();
    stories.sort_by_key(|s| s[0]);
    let mut story_of = vec![0; n];
    for (s, story) in stories.iter().enumerate() {
        for &i in story {
            story_of[i] = s;
        }
    }
    Grouping {
        stories,
        story_of,
        links,
        part_of,
        bridges: joined.bridges,
    }
}

/// How a key that two articles (or stories) in two languages share counts (`counts_across`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Counts {
    /// Not at all: an ordinary word on one side, or a word and a name that only share
    /// consonants.
    Not,
    /// As a name beside another name, else as support.
    Second,
    /// As a name, an acronym or a number (or as a place, a place's key).
    Name,
}

/// Keys of an Arabic or Hindi word shorter than this count as names across languages only
/// where the word writes its vowels where the name has them (`counts_across`). Arabic builds
/// its words on roots of three consonants, and a long report's hundred words meet four or five
/// of a German or English report's names by their consonants ("مسؤول" and Michael, "مليون"
/// and Millionen: measured on a day of Saudi news against the WMT set); a long name's key
/// (Stoltenberg, Kardashian) rarely meets a word.
pub(super) const MIN_WORD_KEY_ACROSS: usize = 5;

/// How a key that two articles (or stories) in two languages share counts, each side having
/// it from an ordinary word only (`word_*`) or as a name, and writing it as `written` says
/// (asked only where the spelling matters: `spelling`).
///
/// An ordinary word never links two languages ("warned" is not "Warnung", "tsunami" not
/// تسونامي): a key counts only where one side wrote it as a name and the other as a name too,
/// or as an Arabic or Hindi word (scripts without capitals, where a name looks like any word:
/// نوكوألوفا is Nuku'alofa). Such a word's key, when short (`MIN_WORD_KEY_ACROSS`), counts as a
/// name where the word writes its vowels where the name has them (توكاييف, Tokayev), as a
/// second name where it leaves some out as Arabic leaves short vowels (قاسم, Kassym), else not
/// at all (سنوات, "years", and Saint share consonants, not vowels: no evidence to weigh or to
/// show a reader).
pub(super) fn counts_across(
    key: &str,
    (word_a, a): (bool, Language),
    (word_b, b): (bool, Language),
    spellings: impl FnOnce() -> (Option<Rc<Spelling>>, Option<Rc<Spelling>>),
) -> Counts {
    if is_ordinary(word_a, a) || is_ordinary(word_b, b) || word_a && word_b {
        return Counts::Not;
    }
    if is_bare_count(key) {
        return Counts::Second;
    }
    let Some(consonants) = key.strip_prefix("n:") else {
        // Acronyms, numbers, dates and places are written alike in every language.
        return Counts::Name;
    };
    let latin = |language: Language| matches!(language, Language::En | Language::De | Language::Fr);
    if latin(a) && latin(b) {
        // Two Latin-script languages spell one name nearly alike (Tokayev, Tokajew, Tokaïev):
        // a consonant key, made to meet other scripts' spellings, also makes Trudeau meet
        // "Trade" and Morneau meet Moreno (measured: ECB+'s English stories beside the WMT
        // set's French and German ones).
        return match spellings() {
            (Some(x), Some(y)) if x.near(&y) => Counts::Name,
            _ => Counts::Not,
        };
    }
    let short = consonants.chars().count() < MIN_WORD_KEY_ACROSS;
    if !(word_a || word_b) || !short {
        return Counts::Name;
    }
    // The word, and the name it meets.
    let (spelling_a, spelling_b) = spellings();
    let ((word, _), (name, name_language)) = if word_a {
        ((spelling_a, a), (spelling_b, b))
    } else {
        ((spelling_b, b), (spelling_a, a))
    };
    match (word.map(|w| w.gaps), name.map(|n| n.gaps)) {
        (Some(w), Some(n)) if w == n => Counts::Name,
        // German writes every noun with a capital: "Frauen" is no name, and a word that only
        // nearly agrees with it is a word meeting a word.
        (Some(w), Some(n)) if name_language != Language::De && w.fewer(n) => Counts::Second,
        _ => Counts::Not,
    }
}

/// Whether a key an article has from an ordinary word only (`word`) is that word in a
/// language that writes names with capitals: it never counts across languages.
pub(super) fn is_ordinary(word: bool, language: Language) -> bool {
    word && !matches!(language, Ar | Hi)
}

/// Whether `key` is a bare whole number under a hundred or a year (`#:2.300e1`, `#:2.014e3`:
/// no unit, no scale): every long report has a few ("30 people", "since 2014"), and two
/// reports of two events share two or three by chance (a day of Saudi news against the WMT
/// set). Beside a name, a telling number (2.5 million, 7%, 41,000) or a date they count.
fn is_bare_count(key: &str) -> bool {
    key.strip_prefix("#:")
        .and_then(|n| n.parse::<f64>().ok())
        .is_some_and(|v| v.fract() == 0.0 && (v < 100.0 || (1900.0..=2100.0).contains(&v)))
}

/// The vowel gaps (`translit::vowel_gaps`) of a word, as bits: compared for every word key
/// two stories in two languages share, so a copy, not a vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Gaps {
    len: usize,
    /// Gap `i` writes a vowel; gaps past the 64th (no word has them) are left out.
    vowels: u64,
}

impl Gaps {
    /// Whether a word writes some vowels, each where a name (`name`) has one.
    fn fewer(self, name: Gaps) -> bool {
        self.len == name.len && self.vowels != 0 && self.vowels & !name.vowels == 0
    }
}

/// A name's key's word as an article wrote it: folded (an Arabic prefix left out), and its
/// vowel gaps.
#[derive(Debug)]
pub(super) struct Spelling {
    script: Script,
    folded: String,
    gaps: Gaps,
}

impl Spelling {
    /// Whether two Latin spellings are one name's: at most one edit in three letters of the
    /// shorter (Tokajew/Tokayev 2, Lawrow/Lavrov 2, Lukaschenko/Lukashenko 1; Trudeau/Trade
    /// 3, Morneau/Moreno 3, Michelle/Michael 3).
    fn near(&self, other: &Spelling) -> bool {
        if self.script != Script::Latin || other.script != Script::Latin {
            return true;
        }
        let shorter = self
            .folded
            .chars()
            .count()
            .min(other.folded.chars().count());
        strsim::levenshtein(&self.folded, &other.folded) <= (shorter / 3).max(1)
    }
}

/// The spelling of an anchor as an article wrote it (`written`): its first word.
pub(super) fn spelling(written: &str) -> Option<Rc<Spelling>> {
    let t = tokens(written)
        .into_iter()
        .find(|t| t.script != Script::Number)?;
    let word = key_word(&t);
    let gaps = translit::vowel_gaps(word, t.script);
    let vowels = gaps
        .iter()
        .take(64)
        .enumerate()
        .fold(0, |bits, (i, &v)| bits | (u64::from(v) << i));
    Some(Rc::new(Spelling {
        script: t.script,
        folded: word.to_string(),
        gaps: Gaps {
            len: gaps.len(),
            vowels,
        },
    }))
}

/// The evidence two articles (or stories) in two languages share, summed as `counts_across`
/// says.
#[derive(Default)]
pub(super) struct Across {
    /// Names, acronyms and numbers: their weight and count.
    pub strong: f32,
    pub count: usize,
    /// Places, and second names with no name beside them: their weight (`PLACE_FACTOR`
    /// applied).
    pub places: f32,
    pub place_count: usize,
    /// Names, acronyms and numbers, each counted by how central it is to both sides
    /// (`add_central`): `count` for two articles.
    pub central: f32,
    /// Second names: their weight, count and centrality.
    second: f32,
    second_count: usize,
    second_central: f32,
}

impl Across {
    /// Adds key `key` of weight `weight`, counted `counts`; the weight it adds (for showing).
    pub fn add(&mut self, key: &str, counts: Counts, weight: f32) -> f32 {
        self.add_central(key, counts, weight, 1.0)
    }

    /// `add` for a key that only a share of a story's articles carry (`share`, 1 for one
    /// that most of each side's do): it weighs and counts for that share.
    pub fn add_central(&mut self, key: &str, counts: Counts, weight: f32, share: f32) -> f32 {
        let weight = weight * share;
        match counts {
            Counts::Not => 0.0,
            _ if kind_of(key) == Kind::Place => {
                self.places += weight * PLACE_FACTOR;
                self.place_count += 1;
                weight * PLACE_FACTOR
            }
            Counts::Second => {
                self.second += weight;
                self.second_count += 1;
                self.second_central += share;
                weight
            }
            Counts::Name => {
                self.strong += weight;
                self.count += 1;
                self.central += share;
                weight
            }
        }
    }

    /// Second names count as names beside a name (an acronym, a telling number, a date), else
    /// as support.
    pub fn finish(&mut self) {
        if self.count > 0 {
            self.strong += self.second;
            self.count += self.second_count;
            self.central += self.second_central;
        } else {
            self.places += self.second * PLACE_FACTOR;
        }
        (self.second, self.second_count, self.second_central) = (0.0, 0, 0.0);
    }
}

/// One article as a pair is scored: what it reads, and its anchors in the window's index.
#[derive(Clone, Copy)]
pub(super) struct Side<'a> {
    pub doc: &'a Doc,
    pub held: &'a [Held],
    /// How many names it wrote (`anchor_index::names`).
    pub names: usize,
}

impl<'a> Side<'a> {
    /// Article `i` of the window.
    pub fn of(docs: &'a [Doc], anchors: &'a AnchorIndex, i: usize) -> Side<'a> {
        Side {
            doc: &docs[i],
            held: anchors.held(i),
            names: anchors.names(i),
        }
    }
}

/// The link between two articles, if they are one story: on the anchors they share (each
/// weighing its rarity among the window's articles, `anchors`) and, within one language,
/// their words' cosine `words`. The grouping and the placing of one article (`place`) both
/// score here.
pub(super) fn score_pair(
    a: Side,
    b: Side,
    words: Option<f32>,
    anchors: &AnchorIndex,
    options: &GroupOptions,
) -> Option<Link> {
    let (da, db) = (a.doc, b.doc);
    let mut found: Vec<(u32, f32)> = Vec::new();
    let mut sum = Across::default();
    let same_language = da.language == db.language;
    for (ha, hb) in in_common(a.held, b.held, |h| h.id) {
        // Two capitalised words meet as names; "Nasa" meets "NASA" as an acronym.
        if ha.soft && hb.soft {
            continue;
        }
        let key = anchors.key(ha.id);
        let counts = if same_language {
            // Within one language, words are compared as words (above), not again as keys.
            if ha.word || hb.word {
                continue;
            }
            Counts::Name
        } else {
            let (fa, fb) = (&da.features, &db.features);
            counts_across(key, (ha.word, da.language), (hb.word, db.language), || {
                (spelling(&fa.anchors[key]), spelling(&fb.anchors[key]))
            })
        };
        let mut weight = idf(anchors.df(ha.id), anchors.len());
        // A name shared within one language is partly counted already by the words.
        if same_language && ha.kind == Kind::Name {
            weight *= SAME_LANGUAGE_NAME_FACTOR;
        }
        if counts != Counts::Not {
            found.push((ha.id, sum.add(key, counts, weight)));
        }
    }
    sum.finish();
    let (strong_count, places) = (sum.count, sum.places);
    let score = sum.strong + places.min(PLACES_CAP) + words.unwrap_or(0.0) * WORDS_WEIGHT;
    // Places and common words alone never make a story; nor do two articles in one
    // language that share only their subject's names.
    // Across languages, a shared name, acronym or number (`MIN_NAMES_ACROSS`).
    // Within one language, the names shared are a share of those the one with fewer wrote
    // (`MIN_COVER`): two reports of one subject's two events share its names and little else
    // (Kanye West's apology, Kanye West's campaign), two reports of one event most of theirs.
    let covered = strong_count as f32 >= MIN_COVER * a.names.min(b.names) as f32;
    let anchored = match words {
        Some(w) => (strong_count >= 1 && covered || w >= 0.5) && w >= MIN_WORDS,
        None => strong_count >= MIN_NAMES_ACROSS,
    };
    let threshold = if same_language {
        options.threshold
    } else {
        options.threshold_across
    };
    if !anchored || score < threshold {
        return None;
    }
    // What they share, as each wrote it: heaviest first (then by key, for a stable order).
    let mut shared: Vec<Shared> = found
        .into_iter()
        .map(|(id, weight)| {
            let key = anchors.key(id);
            Shared {
                key: key.to_string(),
                a: da.features.anchors[key].clone(),
                b: db.features.anchors[key].clone(),
                weight,
            }
        })
        .collect();
    shared.sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.key.cmp(&y.key)));
    Some(Link {
        score,
        shared,
        words,
    })
}

/// Joins linked articles, strongest links first, where the two sides are linked densely
/// (`MIN_DENSITY` of their pairs): stories, and each article's story.
fn cluster(n: usize, links: &HashMap<(usize, usize), Link>) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut story_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut ordered: Vec<(&(usize, usize), &Link)> = links.iter().collect();
    ordered.sort_by(|x, y| y.1.score.total_cmp(&x.1.score).then(x.0.cmp(y.0)));
    for (&(a, b), _) in ordered {
        let (sa, sb) = (story_of[a], story_of[b]);
        if sa == sb {
            continue;
        }
        let linked = members[sa]
            .iter()
            .flat_map(|&x| members[sb].iter().map(move |&y| (x.min(y), x.max(y))))
            .filter(|pair| links.contains_key(pair))
            .count();
        let pairs = members[sa].len() * members[sb].len();
        if (linked as f32) < MIN_DENSITY * pairs as f32 {
            continue;
        }
        let (keep, gone) = if members[sa].len() >= members[sb].len() {
            (sa, sb)
        } else {
            (sb, sa)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            story_of[m] = keep;
        }
        members[keep].extend(moved);
    }
    // Stories renumbered densely, each sorted.
    let mut renumber = HashMap::new();
    let mut stories: Vec<Vec<usize>> = Vec::new();
    for (i, &root) in story_of.iter().enumerate() {
        let s = *renumber.entry(root).or_insert_with(|| {
            stories.push(Vec::new());
            stories.len() - 1
        });
        stories[s].push(i);
    }
    let story_of = story_of.iter().map(|root| renumber[root]).collect();
    (stories, story_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news::related::anchors::{Aliases, extract};

    fn doc(text: &str, language: Language, hours: i64) -> Doc {
        Doc {
            published: DateTime::from_timestamp(1_642_000_000 + hours * 3600, 0).unwrap(),
            language,
            features: Arc::new(extract(text, &Aliases::default())),
        }
    }

    #[test]
    fn an_arabic_word_counts_as_a_name_only_where_it_writes_the_names_vowels() {
        let counts = |key: &str, word: &str, name: &str, language: Language| {
            counts_across(key, (true, Language::Ar), (false, language), || {
                (spelling(word), spelling(name))
            })
        };
        // A foreign name as Arabic writes it: its long vowels where the name has vowels.
        assert_eq!(
            counts("n:TKF", "توكاييف", "Tokayev", Language::En),
            Counts::Name
        );
        assert_eq!(
            counts("n:TLMB", "ترامب", "Trump", Language::En),
            Counts::Name
        );
        // Short vowels left out (Qasim, Kassym): a name beside another name only.
        assert_eq!(
            counts("n:KSM", "قاسم", "Kassym", Language::En),
            Counts::Second
        );
        // Saint's consonants, not its vowels: "years".
        assert_eq!(counts("n:SNT", "سنوات", "Saint", Language::Fr), Counts::Not);
        // A German capitalised word is a noun: nearly agreeing is not enough.
        assert_eq!(counts("n:KSM", "قاسم", "Kassym", Language::De), Counts::Not);
        // A long key rarely meets a word by chance.
        assert_eq!(
            counts("n:STLTNBLG", "ستولتنبرغ", "Stoltenberg", Language::En),
            Counts::Name
        );
        // Two names in Chinese and German; an ordinary Latin word never counts.
        let names = |key: &str| {
            counts_across(key, (false, Language::Zh), (false, Language::De), || {
                unreachable!("names in two scripts are compared by their keys")
            })
        };
        assert_eq!(names("n:TKF"), Counts::Name);
        assert_eq!(
            counts_across("n:FLN", (true, Language::En), (false, Language::De), || (
                None, None
            )),
            Counts::Not
        );
        // A bare count or a year counts beside a name; a telling number by itself.
        assert_eq!(names("#:3.000e1"), Counts::Second);
        assert_eq!(names("#:2.014e3"), Counts::Second);
        assert_eq!(names("#:4.100e4"), Counts::Name);
        assert_eq!(names("#:7.000e0%"), Counts::Name);
    }

    #[test]
    fn two_latin_spellings_count_as_one_name_only_when_nearly_alike() {
        let latin = |key: &str, x: &str, y: &str| {
            counts_across(key, (false, Language::En), (false, Language::De), || {
                (spelling(x), spelling(y))
            })
        };
        // One name as English, German and French write it.
        assert_eq!(latin("n:TKF", "Tokayev", "Tokajew"), Counts::Name);
        assert_eq!(latin("n:TKF", "Tokaïev", "Tokayev"), Counts::Name);
        assert_eq!(latin("n:LFLF", "Lavrov", "Lawrow"), Counts::Name);
        assert_eq!(latin("n:LKSNK", "Lukashenko", "Lukaschenko"), Counts::Name);
        assert_eq!(latin("n:SLNSK", "Zelensky", "Selenskyj"), Counts::Name);
        // Two names that only share consonant classes.
        assert_eq!(latin("n:TLD", "Trudeau", "Trade"), Counts::Not);
        assert_eq!(latin("n:MLN", "Morneau", "Moreno"), Counts::Not);
        assert_eq!(latin("n:MSL", "Michelle", "Michael"), Counts::Not);
        assert_eq!(latin("n:LND", "Land", "Around"), Counts::Not);
        // Acronyms and numbers are compared as keys.
        assert_eq!(latin("a:csto", "CSTO", "OVKS"), Counts::Name);
    }

    #[test]
    fn second_names_count_beside_a_name_and_support_alone() {
        let mut alone = Across::default();
        alone.add("n:KSM", Counts::Second, 3.0);
        alone.add("#:3.000e1", Counts::Second, 3.0);
        alone.finish();
        assert_eq!(alone.count, 0);
        assert!((alone.places - 6.0 * PLACE_FACTOR).abs() < 1e-6);
        let mut beside = Across::default();
        beside.add("n:TKF", Counts::Name, 3.0);
        beside.add("n:KSM", Counts::Second, 3.0);
        beside.finish();
        assert_eq!(beside.count, 2);
        assert!((beside.strong - 6.0).abs() < 1e-6);
        // Beside a date they count too.
        let mut dated = Across::default();
        dated.add("d:07-19", Counts::Name, 3.0);
        dated.add("#:3.000e1", Counts::Second, 3.0);
        dated.finish();
        assert_eq!(dated.count, 2);
    }

    #[test]
    fn two_events_of_one_subject_stay_apart_and_two_reports_of_one_event_join() {
        // Among other news, as in any window: names weigh by their rarity.
        let mut docs: Vec<Doc> = (0..40)
            .map(|n| doc(&format!("Weather: a mild day, number {n}"), Language::En, 0))
            .collect();
        let apology = "Kanye West, the rapper, spoke on stage at a rally on Sunday and cried \
                       about Kim Kardashian, as Tyler Perry, Drake, Pusha Salvo, Ellen Grant \
                       and Oprah Winfrey watched the rapper speak to the crowd";
        let campaign = "Kanye West, the rapper, spoke on stage at a rally on Sunday and said \
                        he can beat Joe Biden, with the FEC in Oklahoma, Vermont and Wyoming, \
                        as Dwight Howard, Elon Musk and Mariah Quinn watched the rapper speak";
        let campaign_again = "Rapper Kanye West says he can beat Joe Biden: papers filed with \
                              the FEC in Oklahoma and Vermont, Elon Musk and Dwight Howard \
                              back him";
        docs.push(doc(apology, Language::En, 1));
        docs.push(doc(campaign, Language::En, 2));
        docs.push(doc(campaign_again, Language::En, 3));
        let grouping = group(&docs, &GroupOptions::default());
        let (apology, campaign, again) = (40, 41, 42);
        assert_ne!(
            grouping.story_of[apology], grouping.story_of[campaign],
            "they share only their subject's names"
        );
        assert_eq!(grouping.story_of[campaign], grouping.story_of[again]);
    }

    #[test]
    fn places_alone_never_link_two_stories() {
        // Same countries and cities, same day, different events, in two languages.
        let docs = [
            doc(
                "Kazakhstan: floods in Almaty and Astana after heavy rain in Russia and China",
                Language::En,
                0,
            ),
            doc(
                "Kasachstan: Wahl in Almaty und Astana, Beobachter aus Russland und China",
                Language::De,
                2,
            ),
        ];
        let grouping = group(&docs, &GroupOptions::default());
        assert!(
            grouping.links.is_empty(),
            "{:?}",
            grouping
                .links
                .values()
                .map(|l| &l.shared)
                .collect::<Vec<_>>()
        );
        assert_ne!(grouping.story_of[0], grouping.story_of[1]);
    }

    #[test]
    fn one_story_across_scripts_links_and_time_apart_does_not() {
        let en = "Kazakh President Tokayev asks the CSTO for troops as protests spread in Almaty";
        let zh = "哈萨克斯坦总统托卡耶夫请求集体安全条约组织（CSTO）出兵，阿拉木图抗议蔓延";
        let mut docs = vec![
            doc(en, Language::En, 0),
            doc(zh, Language::Zh, 3),
            doc(zh, Language::Zh, 24 * 5),
        ];
        // Anchors weigh by their rarity: among other news, as in any window.
        for (n, other) in [
            "Quebec to impose health tax on unvaccinated adults, says François Legault",
            "Microsoft to buy Activision Blizzard for $68.7 billion",
            "Huge undersea volcano erupts near Tonga, tsunami waves hit Nuku'alofa",
            "美国最高法院阻止拜登大企业疫苗令",
            "Novak Djokovic's visa cancelled again by Australia",
            "中国2021年GDP增长8.1%",
            "North Korea says it tested a hypersonic missile",
            "Sidney Poitier, first Black man to win best actor Oscar, dies at 94",
        ]
        .iter()
        .enumerate()
        {
            let language = if other.is_ascii() {
                Language::En
            } else {
                Language::Zh
            };
            docs.push(doc(other, language, n as i64));
        }
        for n in 0..40 {
            docs.push(doc(
                &format!("Weather: a mild day, number {n}"),
                Language::En,
                n,
            ));
        }
        let grouping = group(&docs, &GroupOptions::default());
        assert_eq!(grouping.story_of[0], grouping.story_of[1]);
        assert_ne!(
            grouping.story_of[0], grouping.story_of[2],
            "five days later is another story"
        );
        // What joined them: the bridge between the two languages' stories.
        let (pa, pb) = (grouping.part_of[0], grouping.part_of[1]);
        let link = &grouping.bridges[&(pa.min(pb), pa.max(pb))];
        assert!(
            link.shared.iter().any(|s| s.key == "a:csto")
                && link.shared.iter().any(|s| s.key == "n:TKF")
        );
    }
}
