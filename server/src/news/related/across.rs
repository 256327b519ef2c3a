//! One story in several languages: the stories found within each language (`group`, on their
//! words) are joined across languages on what they share as wholes, the names, acronyms and
//! numbers any of their articles wrote, in whatever script: never an ordinary word, at least
//! two of them (or one, with three places in common) and a fifth of the names the shorter
//! wrote (`MIN_COVER`), places adding a little; each name counted by how central it is to
//! both stories (`central`: in half a story's articles, fully). A story takes at most one
//! story of each language, and two stories of several languages join only where a third of
//! their parts' pairs are bridged, so links cannot chain events into one across languages;
//! its size is its parts' cohesion.

use super::anchor_index::{AnchorIndex, Kind, in_common};
use super::group::{self, Counts, Doc, GroupOptions, Link, MIN_COVER, PLACES_CAP, Shared};
use app::model::Language;
use chrono::{DateTime, Utc};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::rc::Rc;

/// Distinct names, acronyms or numbers two stories in two languages share at least: one may
/// be a coincidence (a capitalised German noun read as a name, a namesake), two rarely are.
pub(super) const MIN_SHARED: usize = 2;
/// Or one name with this many places in common: places support a name, never replace one.
pub(super) const PLACES_FOR_A_NAME: usize = 3;

/// One language's story, as the joining reads it.
struct Part {
    language: Language,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    /// How many articles it holds.
    size: usize,
    /// Its articles' anchors, by id (`AnchorIndex`), each once.
    held: Vec<PartHeld>,
    /// How many of its anchors could count across languages (names, acronyms, numbers), each
    /// by how central it is to the story (`central`).
    names: f32,
}

/// One anchor of a part.
#[derive(Clone, Copy)]
struct PartHeld {
    id: u32,
    /// The article whose spelling is shown: one that wrote it as a name, if one did.
    by: usize,
    /// Most articles that have it have it from an ordinary word only: a word the story's
    /// articles write in lower case ("class"), though a headline in title case capitalises it
    /// once.
    word: bool,
    /// Every article that has it (an `a:` key) has it from a capitalised word only ("Frank"),
    /// which its `n:` key already counts: two such meet as names, not again as acronyms.
    soft: bool,
    /// How many of the part's articles have it, and how many of them as a name.
    carriers: u32,
    as_name: u32,
}

/// How central an anchor is to a part: fully where half its articles have it or more, else
/// by the share that do. A story of thirty articles holds hundreds of names, most of them
/// one article's; two of those meet two names of a short report in another language by
/// chance (measured: the ECB+ stories served beside the WMT set joined dozens of its
/// reports), while the names a story is about are in most of its articles.
fn central(h: &PartHeld, part: &Part) -> f32 {
    (h.carriers as f32 / (part.size as f32 / 2.0).max(1.0)).min(1.0)
}

fn part(docs: &[Doc], anchors: &AnchorIndex, members: &[usize]) -> Part {
    let mut held: Vec<PartHeld> = members
        .iter()
        .flat_map(|&i| {
            anchors.held(i).iter().map(move |h| PartHeld {
                id: h.id,
                by: i,
                word: h.word,
                soft: h.soft,
                carriers: 1,
                as_name: u32::from(!h.word),
            })
        })
        .collect();
    if members.len() > 1 {
        // One entry an anchor: spelt as an article that wrote it as a name wrote it, if one
        // did; a name if half its articles wrote it as one; soft only if every article's is.
        held.sort_by_key(|h| (h.id, h.word));
        held.dedup_by(|later, first| {
            let same = later.id == first.id;
            if same {
                first.soft &= later.soft;
                first.carriers += later.carriers;
                first.as_name += later.as_name;
            }
            same
        });
        for h in &mut held {
            h.word = 2 * h.as_name < h.carriers;
        }
    }
    let language = docs[members[0]].language;
    let dates = members.iter().map(|&i| docs[i].published);
    let mut part = Part {
        language,
        first: dates.clone().min().unwrap_or_default(),
        last: dates.max().unwrap_or_default(),
        size: members.len(),
        held: Vec::new(),
        names: 0.0,
    };
    part.names = held
        .iter()
        .filter(|h| {
            anchors.kind(h.id) != Kind::Place
                && !h.soft
                && (!h.word || matches!(language, Language::Ar | Language::Hi))
        })
        .map(|h| central(h, &part))
        .sum();
    part.held = held;
    part
}

/// Each spelling asked for (`group::spelling`), by the article and anchor it is of: one word
/// or name meets names in many candidate stories, and is read once.
type Spellings = HashMap<(usize, u32), Option<Rc<group::Spelling>>>;

/// Why two parts in two languages are one story, if they are.
fn bridge(
    docs: &[Doc],
    anchors: &AnchorIndex,
    (a, b): (&Part, &Part),
    options: &GroupOptions,
    spellings: &mut Spellings,
) -> Option<Link> {
    if a.language == b.language
        || a.first - b.last > options.link_window
        || b.first - a.last > options.link_window
    {
        return None;
    }
    let written = |h: &PartHeld| docs[h.by].features.anchors[anchors.key(h.id)].as_str();
    let mut sum = group::Across::default();
    let mut found: Vec<(PartHeld, PartHeld, f32)> = Vec::new();
    for (ha, hb) in in_common(&a.held, &b.held, |h| h.id) {
        if ha.soft && hb.soft {
            continue;
        }
        let key = anchors.key(ha.id);
        let counts =
            group::counts_across(key, (ha.word, a.language), (hb.word, b.language), || {
                let mut read = |h: &PartHeld| {
                    spellings
                        .entry((h.by, h.id))
                        .or_insert_with(|| group::spelling(written(h)))
                        .clone()
                };
                (read(ha), read(hb))
            });
        if counts != Counts::Not {
            let weight = group::idf(anchors.df(ha.id), anchors.len());
            let share = central(ha, a).min(central(hb, b));
            found.push((*ha, *hb, sum.add_central(key, counts, weight, share)));
        }
    }
    sum.finish();
    // Names counted by how central they are to both stories (for two single reports, how
    // many they share).
    let (count, place_count) = (sum.central, sum.place_count);
    let score = sum.strong + f32::min(sum.places, PLACES_CAP);
    // Two long reports each carry dozens of names and capitalised nouns, and two or three of
    // them meet by chance (a German "Preis" and a Chinese 普尔斯); two short ones that share
    // two names share most of what they say.
    let covered = count >= MIN_COVER * a.names.min(b.names);
    // (Shares are sums of fractions: a hair under a whole number is that number.)
    let at_least = |n: usize| count >= n as f32 - 1e-4;
    let enough =
        covered && (at_least(MIN_SHARED) || at_least(1) && place_count >= PLACES_FOR_A_NAME);
    if !enough || score < options.threshold_across {
        return None;
    }
    let mut shared: Vec<Shared> = found
        .iter()
        .map(|(ha, hb, weight)| Shared {
            key: anchors.key(ha.id).to_string(),
            a: written(ha).to_string(),
            b: written(hb).to_string(),
            weight: *weight,
        })
        .collect();
    shared.sort_by(|x, y| y.weight.total_cmp(&x.weight));
    Some(Link {
        score,
        shared,
        words: None,
    })
}

/// Stories of parts: each story as the parts it holds, and the bridge between each two parts
/// joined directly (smaller index first).
pub(super) struct Joined {
    pub stories: Vec<Vec<usize>>,
    pub bridges: HashMap<(usize, usize), Link>,
}

/// The stories of `parts` (each one language's articles of `docs`, whose anchors `anchors`
/// indexes) joined across languages. Anchors carried by more than `common` articles find no
/// candidates, as in `group`.
pub(super) fn join(
    docs: &[Doc],
    anchors: &AnchorIndex,
    parts: &[Vec<usize>],
    common: usize,
    options: &GroupOptions,
) -> Joined {
    let read: Vec<Part> = parts
        .iter()
        .map(|members| part(docs, anchors, members))
        .collect();

    // Candidates: two parts in two languages with an anchor in common, rare enough, that
    // could count (`group::counts_across`: not an ordinary word where words have capitals).
    let mut by_anchor: HashMap<u32, Vec<usize>> = HashMap::new();
    for (p, part) in read.iter().enumerate() {
        for h in &part.held {
            if anchors.kind(h.id) != Kind::Place
                && anchors.df(h.id) <= common
                && !group::is_ordinary(h.word, part.language)
            {
                by_anchor.entry(h.id).or_default().push(p);
            }
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for members in by_anchor.values() {
        for (x, &p) in members.iter().enumerate() {
            for &q in &members[x + 1..] {
                if read[p].language != read[q].language {
                    candidates.insert((p.min(q), p.max(q)));
                }
            }
        }
    }
    let mut spellings = Spellings::new();
    let mut bridges: Vec<((usize, usize), Link)> = candidates
        .into_iter()
        .filter_map(|(p, q)| {
            bridge(docs, anchors, (&read[p], &read[q]), options, &mut spellings)
                .map(|l| ((p, q), l))
        })
        .collect();
    bridges.sort_by(|x, y| y.1.score.total_cmp(&x.1.score).then(x.0.cmp(&y.0)));

    // Strongest bridges first; a story never takes a second part of a language it has, and
    // two stories of several languages join only where half the pairs of their parts are
    // bridged: one bridge would make every article of each the other's related news, though
    // most of them share nothing (a French report bridged to an English story that a German
    // one was bridged to).
    let bridged: HashSet<(usize, usize)> = bridges.iter().map(|(pq, _)| *pq).collect();
    let mut story_of: Vec<usize> = (0..parts.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..parts.len()).map(|p| vec![p]).collect();
    let mut kept = HashMap::new();
    for ((p, q), link) in bridges {
        let (sp, sq) = (story_of[p], story_of[q]);
        if sp == sq {
            kept.insert((p, q), link);
            continue;
        }
        let languages = |s: usize| members[s].iter().map(|&m| read[m].language);
        if languages(sp).any(|l| languages(sq).any(|m| m == l)) {
            continue;
        }
        let pairs = members[sp].len() * members[sq].len();
        let linked = members[sp]
            .iter()
            .flat_map(|&x| members[sq].iter().map(move |&y| (x.min(y), x.max(y))))
            .filter(|pq| bridged.contains(pq))
            .count();
        if 3 * linked < pairs {
            continue;
        }
        let moved = std::mem::take(&mut members[sq]);
        for &m in &moved {
            story_of[m] = sp;
        }
        members[sp].extend(moved);
        kept.insert((p, q), link);
    }
    Joined {
        stories: members.into_iter().filter(|m| !m.is_empty()).collect(),
        bridges: kept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news::related::anchors::{Aliases, extract};

    fn doc(text: &str, language: Language) -> Doc {
        Doc {
            published: DateTime::from_timestamp(1_642_000_000, 0).unwrap(),
            language,
            features: std::sync::Arc::new(extract(text, &Aliases::default())),
        }
    }

    /// `texts` as docs, with forty unrelated ones after them, as a window holds.
    fn window(texts: &[(&str, Language)]) -> Vec<Doc> {
        let mut docs: Vec<Doc> = texts.iter().map(|(t, l)| doc(t, *l)).collect();
        for n in 0..40 {
            docs.push(doc(
                &format!("Weather: a mild day, number {n}"),
                Language::En,
            ));
        }
        docs
    }

    fn joined(docs: &[Doc], parts: &[Vec<usize>]) -> Joined {
        // Every anchor rare: each weighs as one article's.
        join(
            docs,
            &AnchorIndex::new(docs),
            parts,
            10,
            &GroupOptions::default(),
        )
    }

    #[test]
    fn two_stories_join_on_names_they_share_as_wholes_and_one_name_is_not_enough() {
        let docs = window(&[
            ("President Tokayev asks allies for help", Language::En),
            ("Troops of the CSTO land in the south", Language::En),
            ("Tokajew bittet die CSTO um Hilfe", Language::De),
            ("Le président Tokaïev remercie ses alliés", Language::Fr),
        ]);
        let parts = vec![vec![0, 1], vec![2], vec![3]];
        let j = joined(&docs, &parts);
        // No article of the English story shares two names with the German one; the story does.
        let german = j.stories.iter().find(|s| s.contains(&1)).unwrap();
        assert!(german.contains(&0), "{:?}", j.stories);
        let bridge = &j.bridges[&(0, 1)];
        let keys: Vec<&str> = bridge.shared.iter().map(|s| s.key.as_str()).collect();
        assert!(
            keys.contains(&"a:csto") && keys.contains(&"n:TKF"),
            "{keys:?}"
        );
        // One shared name: the French story stays apart.
        assert!(j.stories.iter().any(|s| s == &vec![2]), "{:?}", j.stories);
    }

    #[test]
    fn a_capitalised_name_counts_once_not_again_as_an_acronym() {
        // "Frank" gives a name key and a soft acronym key: written so on both sides it is one
        // name, and one name joins nothing.
        let docs = window(&[
            ("Frank opens the new bridge", Language::En),
            ("Frank inaugure le nouveau pont", Language::Fr),
        ]);
        let j = joined(&docs, &[vec![0], vec![1]]);
        assert!(j.bridges.is_empty(), "{:?}", j.stories);
    }

    #[test]
    fn two_names_join_short_reports_not_long_ones_that_share_them_by_chance() {
        let short = window(&[
            ("Tokayev asks the CSTO for help", Language::En),
            ("Tokajew bittet die CSTO um Hilfe", Language::De),
        ]);
        assert_eq!(joined(&short, &[vec![0], vec![1]]).bridges.len(), 1);
        // The same two names among a dozen others on each side: a coincidence.
        let long = window(&[
            (
                "Tokayev and the CSTO: Alice Brown, Carol Dunn, Edgar Fitch, Gina Hale, \
                 Ivan Jones, Karl Lund and Mona Nash met in Oslo",
                Language::En,
            ),
            (
                "Tokajew und die CSTO: Otto Pohl, Quirin Rausch, Sabine Thiel, Ulrich Vogt, \
                 Walter Xaver, Yvonne Zorn und Bernd Ahrens trafen sich in Wien",
                Language::De,
            ),
        ]);
        assert!(joined(&long, &[vec![0], vec![1]]).bridges.is_empty());
    }

    #[test]
    fn a_long_storys_names_count_by_how_many_of_its_articles_write_them() {
        let english = [
            "Tokayev asks the CSTO for help",
            "Markets in London close higher",
            "Rain expected across the north",
            "A new stadium opens in Leeds",
            "The ferry timetable changes in spring",
            "Museum reopens after repairs",
        ];
        let mut texts: Vec<(&str, Language)> = english.iter().map(|t| (*t, Language::En)).collect();
        texts.push(("Tokajew bittet die CSTO um Hilfe", Language::De));
        let docs = window(&texts);
        // One article in six names them: the story is about something else.
        let j = joined(&docs, &[(0..6).collect(), vec![6]]);
        assert!(j.bridges.is_empty(), "{:?}", j.stories);
        // Three in six do: they are what it is about.
        let mut texts = texts.clone();
        texts[1].0 = "Tokayev thanks the CSTO";
        texts[2].0 = "CSTO troops arrive, Tokayev says";
        let docs = window(&texts);
        let j = joined(&docs, &[(0..6).collect(), vec![6]]);
        assert_eq!(j.bridges.len(), 1, "{:?}", j.stories);
    }

    #[test]
    fn a_word_most_of_a_storys_articles_write_in_lower_case_is_a_word() {
        // "Class" capitalised once in a headline, "class" elsewhere: no name to meet 克拉斯.
        let docs = window(&[
            ("Navy Class Frigate Seizes Boats", Language::En),
            (
                "The frigate is the first of its class, said Moran",
                Language::En,
            ),
            ("A ship of the same class joined, Moran said", Language::En),
            ("克拉斯说，莫兰", Language::Zh),
        ]);
        let j = joined(&docs, &[vec![0, 1, 2], vec![3]]);
        let keys: Vec<&str> = j
            .bridges
            .values()
            .flat_map(|l| l.shared.iter().map(|s| s.key.as_str()))
            .collect();
        assert!(!keys.contains(&"n:KLS"), "{keys:?}");
    }

    #[test]
    fn two_stories_in_several_languages_do_not_join_on_one_bridge() {
        let docs = window(&[
            ("Tokayev, Lukashenko and the CSTO meet", Language::En),
            (
                "Tokaïev, Loukachenko et la CSTO; Macron et Scholz en parlent",
                Language::Fr,
            ),
            (
                "OECD und NATO: 41.000 Menschen; Macron und Scholz beraten",
                Language::De,
            ),
            ("经合组织（OECD）和北约（NATO）：41000人", Language::Zh),
        ]);
        let j = joined(&docs, &[vec![0], vec![1], vec![2], vec![3]]);
        // English and French are one story, German and Chinese another; French and German
        // share two names, but the other three pairs across the two stories share nothing.
        let story = |p: usize| j.stories.iter().find(|s| s.contains(&p)).unwrap();
        assert_eq!(story(0).len(), 2, "{:?}", j.stories);
        assert!(story(0).contains(&1), "{:?}", j.stories);
        assert!(story(2).contains(&3), "{:?}", j.stories);
        assert!(!story(2).contains(&1), "{:?}", j.stories);
    }

    #[test]
    fn a_story_takes_one_story_of_each_language() {
        let docs = window(&[
            ("Tokayev and the CSTO: troops arrive", Language::En),
            ("Tokayev thanks the CSTO as troops leave", Language::En),
            ("Tokajew und die CSTO", Language::De),
        ]);
        let parts = vec![vec![0], vec![1], vec![2]];
        let j = joined(&docs, &parts);
        let with_german: Vec<&Vec<usize>> = j.stories.iter().filter(|s| s.contains(&2)).collect();
        assert_eq!(with_german.len(), 1);
        assert_eq!(with_german[0].len(), 2, "{:?}", j.stories);
    }
}
