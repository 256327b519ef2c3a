//! One story in several languages: the stories found within each language (`group`, on their
//! words) are joined across languages on what they share as wholes, the names, acronyms and
//! numbers any of their articles wrote, in whatever script: never an ordinary word, at least
//! two of them (or one, with three places in common), places adding a little. A story takes at most one story of each language, so
//! links cannot chain events into one across languages; its size is its parts' cohesion.

use super::group::{self, Doc, GroupOptions, Link, PLACE_FACTOR, PLACES_CAP, Shared};
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
    /// Each anchor as one of its articles wrote it, and whether every article that has it
    /// has it from an ordinary word only (never as a name).
    anchors: BTreeMap<&'a str, (&'a str, bool)>,
}

fn part<'a>(docs: &'a [Doc], members: &[usize]) -> Part<'a> {
    let mut anchors: BTreeMap<&str, (&str, bool)> = BTreeMap::new();
    for &i in members {
        let f = &docs[i].features;
        for (key, written) in &f.anchors {
            let word = f.word_keys.contains(key);
            let entry = anchors
                .entry(key.as_str())
                .or_insert((written.as_str(), word));
            if !word && entry.1 {
                *entry = (written.as_str(), false);
            }
        }
    }
    Part {
        language: docs[members[0]].language,
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
    for (key, &(written_a, word_a)) in &a.anchors {
        let Some(&(written_b, word_b)) = b.anchors.get(key) else {
            continue;
        };
        let w = if key.starts_with("p:") {
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
    let enough = count >= MIN_SHARED || count == 1 && place_count >= PLACES_FOR_A_NAME;
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
