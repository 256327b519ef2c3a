//! One story in several languages: the stories found within each language (`group`, on their
//! words) are joined across languages on what they share as wholes, the names, acronyms and
//! numbers any of their articles wrote, in whatever script: never an ordinary word, at least
//! two of them (or one, with three places in common) and a fifth of the names the shorter
//! wrote (`MIN_COVER`), places adding a little. A story takes at most one story of each
//! language, so links cannot chain events into one across languages; its size is its parts'
//! cohesion.

use super::anchor_index::{Kind, kind_of};
use super::group::{self, Doc, GroupOptions, Link, MIN_COVER, PLACE_FACTOR, PLACES_CAP, Shared};
use app::model::Language;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Distinct names, acronyms or numbers two stories in two languages share at least: one may
/// be a coincidence (a capitalised German noun read as a name, a namesake), two rarely are.
pub(super) const MIN_SHARED: usize = 2;
/// Or one name with this many places in common: places support a name, never replace one.
pub(super) const PLACES_FOR_A_NAME: usize = 3;

/// One language's story, as the joining reads it.
struct Part<'a> {
    language: Language,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    /// Each anchor as one of its articles wrote it.
    anchors: BTreeMap<&'a str, Held<'a>>,
    /// How many of its anchors could count across languages (names, acronyms, numbers).
    names: usize,
}

/// One anchor of a part.
#[derive(Clone, Copy)]
struct Held<'a> {
    written: &'a str,
    /// Every article that has it has it from an ordinary word only (never as a name).
    word: bool,
    /// Every article that has it (an `a:` key) has it from a capitalised word only ("Frank"),
    /// which its `n:` key already counts: two such meet as names, not again as acronyms.
    soft: bool,
}

fn part<'a>(docs: &'a [Doc], members: &[usize]) -> Part<'a> {
    let mut anchors: BTreeMap<&str, Held> = BTreeMap::new();
    for &i in members {
        let f = &docs[i].features;
        for (key, written) in &f.anchors {
            let word = f.word_keys.contains(key);
            let soft = f.soft_acronyms.contains(key);
            let held = anchors.entry(key.as_str()).or_insert(Held {
                written: written.as_str(),
                word,
                soft,
            });
            if !word && held.word {
                held.written = written.as_str();
                held.word = false;
            }
            held.soft &= soft;
        }
    }
    let language = docs[members[0]].language;
    Part {
        language,
        first: members
            .iter()
            .map(|&i| docs[i].published)
            .min()
            .unwrap_or_default(),
        last: members
            .iter()
            .map(|&i| docs[i].published)
            .max()
            .unwrap_or_default(),
        names: anchors
            .iter()
            .filter(|(key, held)| {
                matches!(kind_of(key), Kind::Name | Kind::Other)
                    && !held.soft
                    && (!held.word || matches!(language, Language::Ar | Language::Hi))
            })
            .count(),
        anchors,
    }
}

/// Why two parts in two languages are one story, if they are.
fn bridge(
    a: &Part,
    b: &Part,
    weight: &impl Fn(&str) -> f32,
    options: &GroupOptions,
) -> Option<Link> {
    if a.language == b.language
        || a.first - b.last > options.link_window
        || b.first - a.last > options.link_window
    {
        return None;
    }
    let (mut strong, mut places, mut count, mut place_count) = (0.0, 0.0, 0, 0);
    let mut shared = Vec::new();
    for (key, ha) in &a.anchors {
        let Some(hb) = b.anchors.get(key) else {
            continue;
        };
        if ha.soft && hb.soft {
            continue;
        }
        let (written_a, word_a, written_b, word_b) = (ha.written, ha.word, hb.written, hb.word);
        let w = if kind_of(key) == Kind::Place {
            let w = weight(key) * PLACE_FACTOR;
            places += w;
            place_count += 1;
            w
        } else if group::counts_across(word_a, a.language, word_b, b.language) {
            strong += weight(key);
            count += 1;
            weight(key)
        } else {
            continue;
        };
        shared.push(Shared {
            key: key.to_string(),
            a: written_a.to_string(),
            b: written_b.to_string(),
            weight: w,
        });
    }
    let score = strong + f32::min(places, PLACES_CAP);
    // Two long reports each carry dozens of names and capitalised nouns, and two or three of
    // them meet by chance (a German "Preis" and a Chinese 普尔斯); two short ones that share
    // two names share most of what they say.
    let covered = count as f32 >= MIN_COVER * a.names.min(b.names) as f32;
    let enough = covered && (count >= MIN_SHARED || count == 1 && place_count >= PLACES_FOR_A_NAME);
    if !enough || score < options.threshold_across {
        return None;
    }
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

/// The stories of `parts` (each one language's articles) joined across languages. `df` counts the articles carrying an anchor; those carried by more than
/// `common` find no candidates, as in `group`.
pub(super) fn join(
    docs: &[Doc],
    parts: &[Vec<usize>],
    df: impl Fn(&str) -> usize,
    common: usize,
    options: &GroupOptions,
) -> Joined {
    let n = docs.len();
    let weight = |key: &str| group::idf(df(key), n);
    let read: Vec<Part> = parts.iter().map(|members| part(docs, members)).collect();

    // Candidates: two parts in two languages with an anchor in common, rare enough.
    let mut by_anchor: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, part) in read.iter().enumerate() {
        for key in part.anchors.keys() {
            if !key.starts_with("p:") && df(key) <= common {
                by_anchor.entry(key).or_default().push(p);
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
    let mut bridges: Vec<((usize, usize), Link)> = candidates
        .into_iter()
        .filter_map(|(p, q)| bridge(&read[p], &read[q], &weight, options).map(|l| ((p, q), l)))
        .collect();
    bridges.sort_by(|x, y| y.1.score.total_cmp(&x.1.score).then(x.0.cmp(&y.0)));

    // Strongest bridges first; a story never takes a second part of a language it has.
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
            features: extract(text, &Aliases::default()),
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
        join(docs, parts, |_| 1, 10, &GroupOptions::default())
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
