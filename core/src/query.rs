//! The list's search, status filter, sort and pagination, as the API's GET /services offers
//! them. Kept in the core so the rules are tested natively and the list stays fast with
//! thousands of services.

use crate::service::{BatchService, ServiceStatus};

pub const PAGE_SIZES: [usize; 3] = [10, 20, 50];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    /// `publish_at`, the API's default.
    #[default]
    Created,
    Name,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// The API's default.
    #[default]
    Desc,
    Asc,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceQuery {
    /// Case-insensitive substring of `service_name`; empty matches all.
    pub name: String,
    pub status: Option<ServiceStatus>,
    pub sort: SortKey,
    pub order: SortOrder,
    /// 1-based.
    pub page: usize,
    pub page_size: usize,
}

impl Default for ServiceQuery {
    fn default() -> Self {
        ServiceQuery {
            name: String::new(),
            status: None,
            sort: SortKey::Created,
            order: SortOrder::Desc,
            page: 1,
            page_size: PAGE_SIZES[0],
        }
    }
}

/// One page of matching services plus the numbers the pagination needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ServicePage<'a> {
    pub rows: Vec<&'a BatchService>,
    /// Services matching search and filter, on all pages.
    pub total_count: usize,
    /// The page actually shown (clamped to the last page).
    pub page: usize,
    pub page_count: usize,
}

impl ServiceQuery {
    pub fn matches(&self, service: &BatchService) -> bool {
        self.status.is_none_or(|s| service.status == s)
            && (self.name.is_empty() || contains_ignore_case(&service.service_name, &self.name))
    }

    /// Applies the query. A page beyond the end shows the last page, never an empty one.
    pub fn run<'a>(&self, services: &'a [BatchService]) -> ServicePage<'a> {
        let mut rows: Vec<&BatchService> = services.iter().filter(|s| self.matches(s)).collect();
        match self.sort {
            SortKey::Created => rows.sort_by(|a, b| {
                a.publish_at
                    .cmp(&b.publish_at)
                    .then_with(|| a.service_name.cmp(&b.service_name))
            }),
            SortKey::Name => rows.sort_by(|a, b| {
                a.service_name
                    .to_lowercase()
                    .cmp(&b.service_name.to_lowercase())
                    .then_with(|| a.publish_at.cmp(&b.publish_at))
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
        ServicePage {
            rows,
            total_count,
            page,
            page_count,
        }
    }
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}
