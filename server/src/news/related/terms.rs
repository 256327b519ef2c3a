//! The words of a window's articles as numbers: each word of each language gets an id, and
//! an article's words become a tf-idf vector of length one sorted by id, so two articles'
//! cosine is one pass over two short arrays. The grouping (`group`) and the placing of one
//! more article afterwards (`place`) read articles through the same index.

use super::group::{Doc, idf};
use app::model::Language;
use foldhash::{HashMap, HashMapExt};

pub struct TermIndex {
    /// Each language's words.
    ids: HashMap<Language, HashMap<Box<str>, u32>>,
    /// Articles carrying each word, by id.
    df: Vec<usize>,
    /// Each word's idf in its language, by id.
    idf: Vec<f32>,
    per_language: HashMap<Language, usize>,
    /// The indexed articles' words as ids, with their term frequencies: their vectors are made
    /// without hashing each word again (`vectors`).
    read: Vec<Vec<(u32, f32)>>,
}

/// An article's words: (id, weight) by id, of length one over all its words (those the index
/// does not know weigh in the length, and meet no other article's).
pub struct Vector {
    pub weights: Vec<(u32, f32)>,
    /// The ids of its heaviest words, heaviest first (see `TermIndex::vector`).
    pub telling: Vec<u32>,
}

impl TermIndex {
    pub fn new(docs: &[Doc]) -> TermIndex {
        let mut index = TermIndex {
            ids: HashMap::new(),
            df: Vec::new(),
            idf: Vec::new(),
            per_language: HashMap::new(),
            read: Vec::with_capacity(docs.len()),
        };
        let mut language_of: Vec<Language> = Vec::new();
        for d in docs {
            let ids = index.ids.entry(d.language).or_default();
            let mut read = Vec::with_capacity(d.features.terms.len());
            for (term, &tf) in &d.features.terms {
                // Looked up before inserting: a word is boxed once, not at every article.
                let id = match ids.get(term.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = index.df.len() as u32;
                        ids.insert(term.as_str().into(), id);
                        index.df.push(0);
                        language_of.push(d.language);
                        id
                    }
                };
                index.df[id as usize] += 1;
                read.push((id, tf));
            }
            index.read.push(read);
            *index.per_language.entry(d.language).or_default() += 1;
        }
        index.idf = index
            .df
            .iter()
            .zip(&language_of)
            .map(|(&df, language)| idf(df, index.per_language[language]))
            .collect();
        index
    }

    /// Articles carrying the word `id`.
    pub fn df(&self, id: u32) -> usize {
        self.df[id as usize]
    }

    /// The vectors of the indexed articles, in order, each with the ids of its `telling`
    /// heaviest words.
    pub fn vectors(&self, telling: usize) -> Vec<Vector> {
        self.read
            .iter()
            .map(|read| {
                let all = read
                    .iter()
                    .map(|&(id, tf)| (Some(id), tf * self.idf[id as usize]));
                vector(all, telling)
            })
            .collect()
    }

    /// The vector of an article outside the index, with the ids of its `telling` heaviest
    /// words among those the index knows (a word it does not know is carried by `doc` alone:
    /// it tells, but pairs nothing).
    pub fn vector(&self, doc: &Doc, telling: usize) -> Vector {
        let total = self
            .per_language
            .get(&doc.language)
            .copied()
            .unwrap_or(0)
            .max(1);
        let ids = self.ids.get(&doc.language);
        let all = doc.features.terms.iter().map(|(t, tf)| {
            let id = ids.and_then(|ids| ids.get(t.as_str())).copied();
            let df = id.map_or(1, |id| self.df(id));
            (id, tf * idf(df, total))
        });
        vector(all, telling)
    }
}

/// A vector of words weighing as `all` says (`None`: a word no other article carries), with
/// the ids of its `telling` heaviest.
fn vector(all: impl Iterator<Item = (Option<u32>, f32)>, telling: usize) -> Vector {
    let mut all: Vec<(Option<u32>, f32)> = all.filter(|(_, w)| *w > 0.0).collect();
    let norm = all.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut all {
            *w /= norm;
        }
    }
    all.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let telling = all.iter().take(telling).filter_map(|(id, _)| *id).collect();
    let mut weights: Vec<(u32, f32)> = all
        .into_iter()
        .filter_map(|(id, w)| id.map(|id| (id, w)))
        .collect();
    weights.sort_unstable_by_key(|(id, _)| *id);
    Vector { weights, telling }
}

/// The articles (indexes into `vectors`) that each word tells most of, by word id: the
/// pairs they make are the grouping's and placing's candidates.
pub fn by_telling(vectors: &[Vector]) -> Vec<Vec<usize>> {
    let mut telling: Vec<Vec<usize>> = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        for &id in &v.telling {
            let id = id as usize;
            if telling.len() <= id {
                telling.resize_with(id + 1, Vec::new);
            }
            telling[id].push(i);
        }
    }
    telling
}

/// The cosine of two vectors.
pub fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (a, b) = (&a.weights, &b.weights);
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
