//! The anchors of a window's articles as numbers: each anchor key gets an id, and each
//! article's anchors become a short array sorted by id, with how the article has each (from an
//! ordinary word only, from a capitalised word that may be an acronym). Two articles' shared
//! anchors are then one pass over two arrays of integers, not string lookups in two maps: the
//! pair scoring (`group::score_pair`) runs for every candidate pair of a window, and this is
//! where its time went. The grouping and the placing of one article read the same index.

use super::group::Doc;
use foldhash::{HashMap, HashMapExt};

/// What an anchor key is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `p:` a country or city: supports a link, never makes one.
    Place,
    /// `n:` a name (or a word) by its consonants.
    Name,
    /// `a:` acronyms and model names, `#:` numbers, `d:` dates.
    Other,
}

/// One anchor of one article.
#[derive(Clone, Copy, Debug)]
pub struct Held {
    pub id: u32,
    pub kind: Kind,
    /// The article has this `n:` key from an ordinary word only (`Features::word_keys`).
    pub word: bool,
    /// The article has this `a:` key from a capitalised word only (`Features::soft_acronyms`).
    pub soft: bool,
}

pub struct AnchorIndex {
    ids: HashMap<Box<str>, u32>,
    keys: Vec<Box<str>>,
    kinds: Vec<Kind>,
    /// Articles carrying each anchor, in order, and whether each has it from a word only.
    carriers: Vec<Vec<(usize, bool)>>,
    /// Each article's anchors, by id.
    held: Vec<Vec<Held>>,
    /// How many names each article wrote (`names`).
    names: Vec<usize>,
}

/// How many names, acronyms and numbers an article with anchors `held` wrote: not places, not
/// keys it has from ordinary words only, not a capitalised word's second key.
pub fn names(held: &[Held]) -> usize {
    held.iter()
        .filter(|h| h.kind != Kind::Place && !h.word && !h.soft)
        .count()
}

/// The entries of two arrays sorted by anchor id (`id` reads it) that have an id in common,
/// in order: what two articles, or two stories, share, in one pass over both.
pub fn in_common<'x, T>(
    a: &'x [T],
    b: &'x [T],
    id: impl Fn(&T) -> u32,
) -> impl Iterator<Item = (&'x T, &'x T)> {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match id(&a[i]).cmp(&id(&b[j])) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some((&a[i - 1], &b[j - 1]));
                }
            }
        }
        None
    })
}

pub(super) fn kind_of(key: &str) -> Kind {
    if key.starts_with("p:") {
        Kind::Place
    } else if key.starts_with("n:") {
        Kind::Name
    } else {
        Kind::Other
    }
}

impl AnchorIndex {
    pub fn new(docs: &[Doc]) -> AnchorIndex {
        let mut index = AnchorIndex {
            ids: HashMap::new(),
            keys: Vec::new(),
            kinds: Vec::new(),
            carriers: Vec::new(),
            held: Vec::with_capacity(docs.len()),
            names: Vec::with_capacity(docs.len()),
        };
        for (i, d) in docs.iter().enumerate() {
            let f = &d.features;
            let mut held = Vec::with_capacity(f.anchors.len());
            for key in f.anchors.keys() {
                // Looked up before inserting: a key is boxed once, not at every article.
                let id = match index.ids.get(key.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = index.keys.len() as u32;
                        index.ids.insert(key.as_str().into(), id);
                        index.keys.push(key.as_str().into());
                        index.kinds.push(kind_of(key));
                        index.carriers.push(Vec::new());
                        id
                    }
                };
                let word = f.word_keys.contains(key);
                index.carriers[id as usize].push((i, word));
                held.push(Held {
                    id,
                    kind: index.kinds[id as usize],
                    word,
                    soft: f.soft_acronyms.contains(key),
                });
            }
            held.sort_unstable_by_key(|h| h.id);
            index.names.push(names(&held));
            index.held.push(held);
        }
        index
    }

    /// The anchors of article `i` of the window, by id.
    pub fn held(&self, i: usize) -> &[Held] {
        &self.held[i]
    }

    /// How many names article `i` of the window wrote.
    pub fn names(&self, i: usize) -> usize {
        self.names[i]
    }

    /// The anchors of an article outside the window that the window's articles carry too
    /// (no other can be shared), by id.
    pub fn held_by(&self, doc: &Doc) -> Vec<Held> {
        let f = &doc.features;
        let mut held: Vec<Held> = f
            .anchors
            .keys()
            .filter_map(|key| {
                let id = *self.ids.get(key.as_str())?;
                Some(Held {
                    id,
                    kind: self.kinds[id as usize],
                    word: f.word_keys.contains(key),
                    soft: f.soft_acronyms.contains(key),
                })
            })
            .collect();
        held.sort_unstable_by_key(|h| h.id);
        held
    }

    /// What the anchor `id` is.
    pub fn kind(&self, id: u32) -> Kind {
        self.kinds[id as usize]
    }

    pub fn key(&self, id: u32) -> &str {
        &self.keys[id as usize]
    }

    /// The window's articles carrying the anchor `id`, in order, each with whether it has it
    /// from an ordinary word only.
    pub fn carriers(&self, id: u32) -> &[(usize, bool)] {
        &self.carriers[id as usize]
    }

    /// How many of the window's articles carry the anchor `id`.
    pub fn df(&self, id: u32) -> usize {
        self.carriers[id as usize].len()
    }

    /// How many articles the window holds.
    pub fn len(&self) -> usize {
        self.held.len()
    }
}
