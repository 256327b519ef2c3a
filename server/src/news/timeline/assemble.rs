//! A timeline page assembled from what each source's feeds gave: merged, the lead source's
//! strip taken out, paged, and each source's state said. A pure function of its inputs, so the
//! page a reader gets is unit-tested without a server or a feed.

use super::{Cursor, Story};
use crate::catalog::Source;
use crate::reader::cache::FeedResult;
use app::model::{
    Article, Category, EditionSource, SourceState, SourceStatus, TimelineFilter, TimelinePage,
    Trouble,
};
use chrono::{DateTime, Utc};

/// How many of the lead source's stories the "Top from <Source>" strip shows.
pub const TOP_STORIES: usize = 4;

/// A source whose newest story is older than this is "stale", even when its feed answers.
pub const STALE_AFTER: chrono::Duration = chrono::Duration::days(7);

/// What the reader asked for, as the service resolved it.
pub struct Request<'a> {
    /// Every source of the edition, the lead first.
    pub edition: &'a [&'a Source],
    /// The filter, when it matches part of the edition.
    pub filter: Option<TimelineFilter>,
    pub category: Option<Category>,
    pub cursor: Option<&'a Cursor>,
    pub limit: usize,
    /// The server's clock: what "stale" and "now" are measured from.
    pub now: DateTime<Utc>,
}

/// Each source the page covers with its feeds' outcomes (`None`: not in by the deadline).
pub type Gathered<'a> = (&'a Source, Vec<Option<FeedResult>>);

pub fn assemble(request: &Request, gathered: &[Gathered]) -> TimelinePage {
    let merged = super::merge(
        gathered
            .iter()
            .flat_map(|(_, outcomes)| outcomes.iter().flatten())
            .filter_map(|r| r.articles.as_deref())
            .map(Vec::as_slice),
    );
    let sources = gathered
        .iter()
        .map(|(source, outcomes)| source_state(source, outcomes, &merged, request.now))
        .collect();
    // The lead source's newest stories lead the unfiltered timeline. They are taken out of
    // every page of it, not only the first, so paging never shows one of them again.
    let lead = (request.filter.is_none() && request.edition.len() > 1)
        .then(|| request.edition.first())
        .flatten();
    let top: Vec<&Story> = lead
        .map(|lead| {
            merged
                .iter()
                .filter(|s| s.article.source_id == lead.id)
                .take(TOP_STORIES)
                .collect()
        })
        // A strip that would leave the timeline under it empty is only a detour.
        .filter(|_| {
            merged
                .iter()
                .any(|s| lead.is_some_and(|l| s.article.source_id != l.id))
        })
        .unwrap_or_default();
    let top_ids: Vec<&str> = top.iter().map(|s| s.id()).collect();
    let top: Vec<Article> = top.into_iter().map(Story::to_article).collect();
    let rest: Vec<Story> = if top_ids.is_empty() {
        merged
    } else {
        merged
            .iter()
            .filter(|s| !top_ids.contains(&s.id()))
            .cloned()
            .collect()
    };
    let (articles, next) = super::page(&rest, request.cursor, request.limit);
    TimelinePage {
        generated_at: request.now,
        category: request.category,
        edition: request
            .edition
            .iter()
            .map(|s| EditionSource {
                id: s.id.clone(),
                name: s.name.clone(),
                country: s.country,
                language: s.language,
            })
            .collect(),
        filter: request.filter.clone(),
        top: if request.cursor.is_none() {
            top
        } else {
            Vec::new()
        },
        articles,
        sources,
        next_cursor: next.map(|c| c.encode()),
        with_category: Vec::new(),
    }
}

/// What a reader is told of one source: its stories' count and age, or why it has none.
pub fn source_state(
    source: &Source,
    outcomes: &[Option<FeedResult>],
    merged: &[Story],
    now: DateTime<Utc>,
) -> SourceState {
    let with_items: Vec<&FeedResult> = outcomes.iter().flatten().filter(|r| r.is_ok()).collect();
    let mut errors: Vec<&str> = Vec::new();
    // What the reader is told: the first failing feed's trouble (a source's feeds mostly
    // fail together, on one host).
    let mut trouble = None;
    for result in outcomes.iter().flatten() {
        if let Some(error) = result.error.as_deref() {
            trouble.get_or_insert(result.trouble);
            if !errors.contains(&error) {
                errors.push(error);
            }
        }
    }
    let trouble = trouble.unwrap_or_default();
    let status = if outcomes.is_empty() {
        SourceStatus::NoFeed
    } else if !with_items.is_empty() {
        // A wire copy folded into another outlet's card still counts for its own outlet.
        let items = merged.iter().filter(|s| s.carried_by(&source.id)).count();
        // The oldest confirmation among its feeds is how stale what shows may be.
        let fetched_at = with_items
            .iter()
            .filter_map(|r| r.fetched_at)
            .min()
            .unwrap_or(now);
        let newest = with_items
            .iter()
            .filter_map(|r| r.articles.as_ref())
            .flat_map(|a| a.iter().map(|a| a.published))
            .max();
        if !errors.is_empty() {
            SourceStatus::Stale {
                items,
                fetched_at,
                newest,
                trouble,
                reason: errors.join("; "),
            }
        } else if let Some(old) = newest.filter(|n| now - *n > STALE_AFTER) {
            SourceStatus::Stale {
                items,
                fetched_at,
                newest,
                trouble: Trouble::Quiet,
                reason: format!("its newest story is {} days old", (now - old).num_days()),
            }
        } else {
            SourceStatus::Ok {
                items,
                fetched_at,
                newest,
            }
        }
    } else if outcomes.iter().any(Option::is_none) {
        SourceStatus::Loading
    } else {
        SourceStatus::Failed {
            trouble,
            reason: errors.join("; "),
        }
    };
    SourceState {
        source_id: source.id.clone(),
        source_name: source.name.clone(),
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::record::Record;
    use app::model::{Country, Language};
    use chrono::TimeZone;
    use std::sync::Arc;

    fn catalog() -> Catalog {
        Catalog::parse(
            "countries = [\"WORLD\", \"DE\"]\nlanguages = [\"en\", \"de\"]\ncategories = []\n\n\
             [[source]]\nid = \"lead\"\nname = \"Lead\"\ncountry = \"WORLD\"\nlanguage = \"en\"\nhomepage = \"https://lead.example\"\n[source.feeds]\ntop = \"https://lead.example/feed\"\n\n\
             [[source]]\nid = \"other\"\nname = \"Other\"\ncountry = \"DE\"\nlanguage = \"de\"\nhomepage = \"https://other.example\"\n[source.feeds]\ntop = \"https://other.example/feed\"\n\n\
             [[source]]\nid = \"down\"\nname = \"Down\"\ncountry = \"DE\"\nlanguage = \"de\"\nhomepage = \"https://down.example\"\n[source.feeds]\ntop = \"https://down.example/feed\"\n",
            "test",
        )
        .unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2022, 1, 17, 12, 0, 0).unwrap()
    }

    fn article(source: &str, n: u32) -> Record {
        Record {
            article: Article {
                id: format!("{source}-{n:02}"),
                source_id: source.into(),
                source_name: source.into(),
                country: Country::WORLD,
                language: Language::En,
                categories: vec![],
                title: format!("{source} story {n}"),
                link: format!("https://{source}.example/{n}"),
                published: now() - chrono::Duration::minutes(i64::from(n) * 7),
                updated: None,
                date_note: None,
                summary: String::new(),
                image: None,
                also: vec![],
                other_languages: 0,
                folded: vec![],
            },
            summary_html: String::new(),
            text_keys: vec![],
        }
    }

    fn fed(source: &str, n: u32) -> Option<FeedResult> {
        Some(FeedResult {
            articles: Some(Arc::new((0..n).map(|i| article(source, i)).collect())),
            fetched_at: Some(now()),
            error: None,
            trouble: Trouble::Other,
            failures: 0,
        })
    }

    fn failed(reason: &str) -> Option<FeedResult> {
        Some(FeedResult {
            articles: None,
            fetched_at: None,
            error: Some(reason.into()),
            trouble: Trouble::Server,
            failures: 1,
        })
    }

    #[test]
    fn the_lead_strip_leaves_every_page_and_each_source_says_how_it_is() {
        let catalog = catalog();
        let edition: Vec<&Source> = catalog.sources.iter().collect();
        let gathered: Vec<Gathered> = vec![
            (edition[0], vec![fed("lead", 6)]),
            (edition[1], vec![fed("other", 10)]),
            (edition[2], vec![failed("fetch: HTTP 500")]),
        ];
        let request = Request {
            edition: &edition,
            filter: None,
            category: None,
            cursor: None,
            limit: 5,
            now: now(),
        };
        let page = assemble(&request, &gathered);
        let top: Vec<&str> = page.top.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(top, ["lead-00", "lead-01", "lead-02", "lead-03"]);
        assert_eq!(page.articles.len(), 5);
        assert!(page.articles.iter().all(|a| !top.contains(&a.id.as_str())));
        assert!(matches!(
            page.sources[0].status,
            SourceStatus::Ok { items: 6, .. }
        ));
        assert!(
            matches!(&page.sources[2].status, SourceStatus::Failed { reason, trouble: Trouble::Server } if reason == "fetch: HTTP 500")
        );

        // The next page goes on where the first stopped, without the strip.
        let cursor = Cursor::decode(page.next_cursor.as_deref().unwrap()).unwrap();
        let next = assemble(
            &Request {
                cursor: Some(&cursor),
                ..request
            },
            &gathered,
        );
        assert!(next.top.is_empty());
        let ids: Vec<&str> = next.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 5);
        assert!(ids.iter().all(|id| !top.contains(id)), "{ids:?}");
        assert!(
            ids.iter()
                .all(|id| !page.articles.iter().any(|a| a.id == *id))
        );
    }

    #[test]
    fn a_filtered_page_has_no_strip_and_late_or_old_sources_say_so() {
        let catalog = catalog();
        let edition: Vec<&Source> = catalog.sources.iter().collect();
        let mut old = fed("other", 2);
        if let Some(Some(list)) = old.as_mut().map(|r| r.articles.as_mut()) {
            for a in Arc::make_mut(list) {
                a.published = now() - chrono::Duration::days(9);
            }
        }
        let gathered: Vec<Gathered> = vec![(edition[0], vec![None]), (edition[1], vec![old])];
        let page = assemble(
            &Request {
                edition: &edition,
                filter: Some(TimelineFilter::Country(Country::DE)),
                category: None,
                cursor: None,
                limit: 30,
                now: now(),
            },
            &gathered,
        );
        assert!(page.top.is_empty());
        assert_eq!(page.sources[0].status, SourceStatus::Loading);
        assert!(
            matches!(&page.sources[1].status, SourceStatus::Stale { reason, trouble: Trouble::Quiet, .. } if reason.contains("9 days"))
        );
    }
}
