//! Text that repeats across one source's items (a police press office's phone numbers and
//! hours in every release, a site's header, a byline, a newsletter plug) is the source's, not
//! the story's: two releases of one office share it whatever they report. It is learned per
//! source from the window's articles and left out of every signal, anchors and words alike.

use super::anchors::Features;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::Arc;

/// A source needs this many articles in the window before anything of its counts as
/// boilerplate: with fewer, what they share may be one story told twice.
const MIN_ARTICLES: usize = 5;
/// An anchor or word found in at least this share of a source's articles is its boilerplate.
/// A running story rarely fills most of an outlet's window; a footer fills all of it.
const SHARE: f32 = 0.6;

/// Removes from each article's `features` what its source (`sources`, one per article)
/// repeats across its articles.
pub fn strip(features: &mut [Arc<Features>], sources: &[&str]) {
    let mut by_source: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, source) in sources.iter().enumerate() {
        by_source.entry(source).or_default().push(i);
    }
    for members in by_source.values() {
        if members.len() < MIN_ARTICLES {
            continue;
        }
        let limit = (SHARE * members.len() as f32).ceil() as usize;
        let mut anchors: HashMap<&str, usize> = HashMap::new();
        let mut terms: HashMap<&str, usize> = HashMap::new();
        for &i in members {
            for key in features[i].anchors.keys() {
                *anchors.entry(key).or_default() += 1;
            }
            for term in features[i].terms.keys() {
                *terms.entry(term).or_default() += 1;
            }
        }
        let repeated = |counts: HashMap<&str, usize>| -> HashSet<String> {
            counts
                .into_iter()
                .filter(|&(_, n)| n >= limit)
                .map(|(k, _)| k.to_string())
                .collect()
        };
        let (anchors, terms) = (repeated(anchors), repeated(terms));
        if anchors.is_empty() && terms.is_empty() {
            continue;
        }
        for &i in members {
            // Copied only here: the snapshot's cache keeps what was read.
            let f = Arc::make_mut(&mut features[i]);
            f.anchors.retain(|k, _| !anchors.contains(k));
            f.word_keys.retain(|k| !anchors.contains(k));
            f.soft_acronyms.retain(|k| !anchors.contains(k));
            f.terms.retain(|t, _| !terms.contains(t));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news::related::anchors::{Aliases, extract};

    #[test]
    fn what_one_source_repeats_goes_and_the_story_stays() {
        let footer = "Polizeipräsidium Mittelhessen, Pressestelle, Telefon 0641 7006 2040, \
                      Montag bis Freitag 8 bis 16 Uhr";
        let texts = [
            "Einbruch in Gießen: Täter stehlen Schmuck",
            "Unfall auf der A45 bei Wetzlar",
            "Brand in einer Scheune in Marburg",
            "Taschendiebe am Bahnhof Gießen",
            "Vermisster Wanderer im Vogelsberg gefunden",
        ];
        let mut features: Vec<Arc<Features>> = texts
            .iter()
            .map(|t| Arc::new(extract(&format!("{t}. {footer}"), &Aliases::default())))
            .collect();
        // What was read before stripping stays as it was (the snapshot's cache).
        let read = features[0].clone();
        let in_all = |features: &[Arc<Features>]| -> Vec<String> {
            features[0]
                .anchors
                .keys()
                .filter(|k| features.iter().all(|f| f.anchors.contains_key(*k)))
                .cloned()
                .collect()
        };
        let before = in_all(&features);
        assert!(before.len() >= 3, "the footer's anchors: {before:?}");
        let mut other = vec![Arc::new(extract(
            &format!("A45 closed. {footer}"),
            &Aliases::default(),
        ))];
        let kept_by_other = other[0].anchors.len();
        strip(&mut features, &["police"; 5]);
        strip(&mut other, &["wire"]);
        assert!(in_all(&features).is_empty(), "{:?}", in_all(&features));
        assert!(before.iter().all(|k| read.anchors.contains_key(k)));
        for f in &features {
            assert!(!f.terms.contains_key("pressestelle"), "{:?}", f.terms);
        }
        // The stories' own names stay; another source's single article keeps everything.
        assert!(
            features[1].anchors.values().any(|w| w == "Wetzlar"),
            "{:?}",
            features[1].anchors
        );
        assert_eq!(other[0].anchors.len(), kept_by_other);
    }
}
