//! A list's search, status filter, sort and pagination, as the API's list calls offer them,
//! with the rules of the list page (a new sort key starts in its natural order, the same key
//! flips it, any change of search, filter, sort or page size goes back to page 1) and the
//! query's URL form. Generic over what is listed, so every resource list shares one mechanism.

use std::fmt::Debug;

use crate::pool::{Pool, PoolPhase};
use crate::service::{BatchService, ServiceStatus};
use crate::sort;
use crate::text::Lang;
use crate::Millis;

pub const PAGE_SIZES: [usize; 3] = [10, 20, 50];

/// A status that can be filtered on and written in a URL by its API value.
pub trait StatusValue: Copy + Eq + Debug + 'static {
    /// Every status, in the order a status filter lists them.
    const ALL: &'static [Self];
    fn api_value(self) -> &'static str;
    fn from_api_value(value: &str) -> Option<Self>;
    /// The console's label (filters and badges) in `lang`.
    fn label(self, lang: Lang) -> &'static str;
    /// Whether a badge shows a progress bar in this status.
    fn shows_progress(self) -> bool;
}

/// A row of a list: searched by name, filtered by status, sorted by name or creation.
pub trait Listed {
    type Status: StatusValue;
    fn name(&self) -> &str;
    fn status(&self) -> Self::Status;
    fn created(&self) -> Millis;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Creation time (`publish_at`), the API's default.
    #[default]
    Created,
    Name,
}

impl SortKey {
    /// The order a first click on this column gives: names A-Z, times newest first.
    pub fn natural_order(self) -> SortOrder {
        match self {
            SortKey::Created => SortOrder::Desc,
            SortKey::Name => SortOrder::Asc,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// The API's default.
    #[default]
    Desc,
    Asc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery<S> {
    /// Case-insensitive substring of the name; empty matches all.
    pub name: String,
    pub status: Option<S>,
    pub sort: SortKey,
    pub order: SortOrder,
    /// 1-based.
    pub page: usize,
    pub page_size: usize,
}

pub type ServiceQuery = ListQuery<ServiceStatus>;
pub type PoolQuery = ListQuery<PoolPhase>;

impl<S> Default for ListQuery<S> {
    fn default() -> Self {
        ListQuery {
            name: String::new(),
            status: None,
            sort: SortKey::Created,
            order: SortOrder::Desc,
            page: 1,
            page_size: PAGE_SIZES[0],
        }
    }
}

/// One page of matching rows plus the numbers the pagination needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ListPage<'a, T> {
    pub rows: Vec<&'a T>,
    /// Rows matching search and filter, on all pages.
    pub total_count: usize,
    /// The page actually shown (clamped to the last page).
    pub page: usize,
    pub page_count: usize,
}

pub type ServicePage<'a> = ListPage<'a, BatchService>;

impl<S: StatusValue> ListQuery<S> {
    pub fn matches<T: Listed<Status = S>>(&self, item: &T) -> bool {
        self.matcher()(item)
    }

    /// [`Self::matches`] for many items: names are searched without an allocation each (two
    /// per service on every keystroke were a good part of a search in 10,000 services).
    pub fn matcher<T: Listed<Status = S>>(&self) -> impl Fn(&T) -> bool + '_ {
        let needle = self.name.as_str();
        move |item: &T| {
            self.status.is_none_or(|s| item.status() == s)
                && contains_ignoring_case(item.name(), needle)
        }
    }

    /// Applies the query. A page beyond the end shows the last page, never an empty one.
    pub fn run<'a, T: Listed<Status = S> + 'a>(
        &self,
        items: impl IntoIterator<Item = &'a T>,
    ) -> ListPage<'a, T> {
        let matches = self.matcher();
        let mut rows: Vec<&T> = items.into_iter().filter(|s| matches(*s)).collect();
        match self.sort {
            SortKey::Created => sort::sort_by(&mut rows, |a, b| {
                a.created()
                    .cmp(&b.created())
                    .then_with(|| a.name().cmp(b.name()))
            }),
            SortKey::Name => sort::sort_by_cached_key(&mut rows, |r| {
                (r.name().to_ascii_lowercase(), r.created())
            }),
        }
        if self.order == SortOrder::Desc {
            rows.reverse();
        }
        let page_size = self.page_size.max(1);
        let total_count = rows.len();
        let page_count = total_count.div_ceil(page_size).max(1);
        let page = self.page.clamp(1, page_count);
        let rows = rows
            .into_iter()
            .skip((page - 1) * page_size)
            .take(page_size)
            .collect();
        ListPage {
            rows,
            total_count,
            page,
            page_count,
        }
    }

    /// A click on a column header: the same key flips the order, a new key starts in its
    /// natural order. Back to page 1.
    pub fn sorted_by(mut self, key: SortKey) -> Self {
        if self.sort == key {
            self.order = match self.order {
                SortOrder::Desc => SortOrder::Asc,
                SortOrder::Asc => SortOrder::Desc,
            };
        } else {
            self.sort = key;
            self.order = key.natural_order();
        }
        self.page = 1;
        self
    }

    /// New search text; back to page 1.
    pub fn searching(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self.page = 1;
        self
    }

    /// New status filter; back to page 1.
    pub fn filtering(mut self, status: Option<S>) -> Self {
        self.status = status;
        self.page = 1;
        self
    }

    pub fn at_page(mut self, page: usize) -> Self {
        self.page = page.max(1);
        self
    }

    /// New page size (one of [`PAGE_SIZES`]); back to page 1.
    pub fn with_page_size(mut self, size: usize) -> Self {
        if PAGE_SIZES.contains(&size) {
            self.page_size = size;
        }
        self.page = 1;
        self
    }

    /// The `aria-sort` value of a column header.
    pub fn aria_sort(&self, key: SortKey) -> Option<&'static str> {
        (self.sort == key).then_some(match self.order {
            SortOrder::Asc => "ascending",
            SortOrder::Desc => "descending",
        })
    }

    /// The URL query form, defaults left out: `name=a%20b&status=running&page=2`.
    pub fn to_url_query(&self) -> String {
        let mut parts = Vec::new();
        if !self.name.is_empty() {
            parts.push(format!("name={}", percent_encode(&self.name)));
        }
        if let Some(status) = self.status {
            parts.push(format!("status={}", status.api_value()));
        }
        if self.sort == SortKey::Name {
            parts.push("sort=name".into());
        }
        if self.order != self.sort.natural_order() {
            parts.push(format!(
                "order={}",
                match self.order {
                    SortOrder::Asc => "asc",
                    SortOrder::Desc => "desc",
                }
            ));
        }
        if self.page != 1 {
            parts.push(format!("page={}", self.page));
        }
        if self.page_size != PAGE_SIZES[0] {
            parts.push(format!("size={}", self.page_size));
        }
        parts.join("&")
    }

    /// Reads the URL query form; nonsense values fall back to the defaults.
    pub fn from_url_query(query: &str) -> Self {
        let mut q = ListQuery::default();
        let mut order = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "name" => q.name = value,
                "status" => q.status = S::from_api_value(&value),
                "sort" if value == "name" => q.sort = SortKey::Name,
                "order" if value == "asc" => order = Some(SortOrder::Asc),
                "order" if value == "desc" => order = Some(SortOrder::Desc),
                "page" => q.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                "size" => {
                    q.page_size = value
                        .parse()
                        .ok()
                        .filter(|s| PAGE_SIZES.contains(s))
                        .unwrap_or(PAGE_SIZES[0])
                }
                _ => {}
            }
        }
        q.order = order.unwrap_or(q.sort.natural_order());
        q
    }
}

impl StatusValue for ServiceStatus {
    const ALL: &'static [Self] = &ServiceStatus::ALL;
    fn api_value(self) -> &'static str {
        ServiceStatus::api_value(self)
    }
    fn from_api_value(value: &str) -> Option<Self> {
        ServiceStatus::from_api_value(value)
    }
    fn label(self, lang: Lang) -> &'static str {
        crate::speak(lang).service_status(self)
    }
    fn shows_progress(self) -> bool {
        ServiceStatus::shows_progress(self)
    }
}

impl StatusValue for PoolPhase {
    const ALL: &'static [Self] = &PoolPhase::ALL;
    fn api_value(self) -> &'static str {
        self.api_value()
    }
    fn from_api_value(value: &str) -> Option<Self> {
        PoolPhase::ALL.into_iter().find(|p| p.api_value() == value)
    }
    fn label(self, lang: Lang) -> &'static str {
        crate::speak(lang).pool_phase(self)
    }
    fn shows_progress(self) -> bool {
        matches!(self, PoolPhase::Creating | PoolPhase::Scaling)
    }
}

impl Listed for Pool {
    type Status = PoolPhase;
    fn name(&self) -> &str {
        self.display_name()
    }
    fn status(&self) -> PoolPhase {
        self.phase()
    }
    fn created(&self) -> Millis {
        self.metadata.creation_timestamp
    }
}

/// A real-time service's status as its list filters and badges show it: its own statuses
/// (Waiting for resources, never Completed), progress only while deploying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RealTimeStatus(pub ServiceStatus);

const REAL_TIME_STATUSES: [RealTimeStatus; 8] = {
    let all = ServiceStatus::REAL_TIME;
    [
        RealTimeStatus(all[0]),
        RealTimeStatus(all[1]),
        RealTimeStatus(all[2]),
        RealTimeStatus(all[3]),
        RealTimeStatus(all[4]),
        RealTimeStatus(all[5]),
        RealTimeStatus(all[6]),
        RealTimeStatus(all[7]),
    ]
};

impl StatusValue for RealTimeStatus {
    const ALL: &'static [Self] = &REAL_TIME_STATUSES;
    fn api_value(self) -> &'static str {
        self.0.api_value()
    }
    fn from_api_value(value: &str) -> Option<Self> {
        REAL_TIME_STATUSES
            .into_iter()
            .find(|s| s.0.api_value() == value)
    }
    fn label(self, lang: Lang) -> &'static str {
        crate::speak(lang).service_status(self.0)
    }
    fn shows_progress(self) -> bool {
        self.0 == ServiceStatus::Deploying
    }
}

pub type RealTimeQuery = ListQuery<RealTimeStatus>;

impl Listed for crate::realtime::RealTimeService {
    type Status = RealTimeStatus;
    fn name(&self) -> &str {
        &self.service_name
    }
    fn status(&self) -> RealTimeStatus {
        RealTimeStatus(self.status)
    }
    fn created(&self) -> Millis {
        self.publish_at
    }
}

impl Listed for BatchService {
    type Status = ServiceStatus;
    fn name(&self) -> &str {
        &self.service_name
    }
    fn status(&self) -> ServiceStatus {
        self.status
    }
    fn created(&self) -> Millis {
        self.publish_at
    }
}

/// Whether `haystack` contains `needle`, ignoring ASCII case. The console's names are ASCII
/// (Deploy, Create and the import refuse any other character), so the search and the name
/// sort fold ASCII case only, and any other character matches only itself: Unicode's case
/// tables would weigh on the first page's wasm. Bytewise is charwise here: UTF-8 never matches
/// inside another character.
fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` and `+`; malformed escapes are kept as they are.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    #[test]
    fn search_examples() {
        assert!(super::contains_ignoring_case("Batch-NIGHTLY", "nightly"));
        assert!(super::contains_ignoring_case("batch-nightly", "NiGhT"));
        assert!(!super::contains_ignoring_case("batch", "nightly"));
        assert!(super::contains_ignoring_case("any", ""));
        // Other characters match only themselves (the Kelvin sign is not a k).
        assert!(!super::contains_ignoring_case("kelvin", "\u{212A}"));
        assert!(super::contains_ignoring_case("Σ-pool", "Σ-POOL"));
        assert!(!super::contains_ignoring_case("σ-pool", "Σ"));
    }

    proptest! {
        /// The search without allocations finds what lowercasing the ASCII letters of both
        /// texts finds, whatever else they hold.
        #[test]
        fn search_ignores_ascii_case(
            haystack in "[a-zA-Z0-9_\\-\\x{212A}İßΣς]{0,12}",
            needle in "[a-zA-Z0-9_\\-\\x{212A}İßΣς]{0,4}",
        ) {
            let naive = haystack.to_ascii_lowercase().contains(&needle.to_ascii_lowercase());
            prop_assert_eq!(super::contains_ignoring_case(&haystack, &needle), naive);
        }
    }
}
