use console_core::validation::Field;
use console_core::{
    BillingMode, Console, ExportScope, Millis, Pool, PoolAction, PoolPhase, PoolQuery, PoolType,
    SortKey,
};
use leptos::prelude::*;

use super::delete_dialog::DeletePoolDialog;
use super::PoolActionButton;
use crate::clock;
use crate::components::list_filters::ListFilters;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::pagination::Pagination;
use crate::components::progress_board::ProgressBoard;
use crate::components::row_views::RowViews;
use crate::components::sort_header::SortHeader;
use crate::components::status_badge::{Progress, StatusBadge};
use crate::components::transfer::export_button::ExportButton;
use crate::i18n::{say, t};
use crate::route::{use_router, Route};
use crate::state::use_store;

/// The ids of one page of a tab, and the numbers the pagination needs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PageRows {
    ids: Vec<String>,
    total_count: usize,
    page: usize,
    page_count: usize,
    /// The tab has no pools at all (not just none matching).
    tab_empty: bool,
}

/// Dedicated Resource Pools: the public pool explained, then the dedicated pools of the
/// selected region in two tabs (the tab and the list query live in the URL), the node quota,
/// and each pool's Scale and Delete.
#[component]
pub fn PoolList(
    #[prop(into)] pool_type: Signal<PoolType>,
    #[prop(into)] query: Signal<PoolQuery>,
) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let deleting = RwSignal::new(None::<String>);
    let page = Memo::new(move |_| {
        let t = pool_type.get();
        let q = query.get();
        store.track_changes(|c| {
            let p = c.pool_query(t, &q);
            PageRows {
                ids: p.rows.iter().map(|p| p.id().to_string()).collect(),
                total_count: p.total_count,
                page: p.page,
                page_count: p.page_count,
                tab_empty: !c.pools().iter().any(|p| p.pool_type() == t),
            }
        })
    });
    let quota = Memo::new(move |_| {
        store.track_changes(|c| {
            (
                c.region_name().to_string(),
                c.nodes_in_use(),
                c.node_quota(),
            )
        })
    });
    let set_query = move |change: &dyn Fn(PoolQuery) -> PoolQuery| {
        router.replace(Route::Pools(
            pool_type.get_untracked(),
            change(query.get_untracked()),
        ));
    };
    let sort_by = Callback::new(move |key| set_query(&|q| q.sorted_by(key)));
    let page_ids = move || page.with(|p| p.ids.clone());
    let on_delete = Callback::new(move |id: String| deleting.set(Some(id)));
    let on_scale = Callback::new(move |id: String| router.push(Route::ScalePool(id)));
    let views = RowViews::new(store, PoolRowKey::of, PoolRowView::of);
    let progress = ProgressBoard::new(store, |c, id, now| {
        c.pool(id).map_or(0, |p| p.progress(now))
    });
    let words = &t().pools;
    let common = &t().common;
    let title = t().shell.pools;

    view! {
        <PageHeader crumbs=vec![Crumb::here(title)] title=title.to_string() />
        <section class="panel" aria-labelledby="public-pool-heading">
            <h2 id="public-pool-heading">{words.public_pool}</h2>
            <p>{words.public_pool_text}</p>
        </section>
        <section class="panel">
            <div class="tabs" role="tablist" aria-label=words.pool_types>
                {PoolType::ALL
                    .into_iter()
                    .map(|t| view! {
                        <button
                            role="tab"
                            type="button"
                            aria-selected=move || (pool_type.get() == t).to_string()
                            on:click=move |_| router.replace(Route::Pools(t, PoolQuery::default()))
                        >
                            {say().pool_type(t)}
                        </button>
                    })
                    .collect_view()}
            </div>
            <p class="muted">
                {move || match pool_type.get() {
                    PoolType::DevelopmentTraining => words.training_use,
                    PoolType::ServiceDeployment => words.deployment_use,
                }}
            </p>
            <div class="toolbar">
                <a class="button primary" href=move || Route::CreatePool(pool_type.get()).href()>{words.create}</a>
                <span class="quota-line" aria-live="polite">
                    {move || quota.with(|(region, used, total)| (words.quota_line)(region, *used, *total))}
                </span>
                <ExportButton scope=ExportScope::Pools />
                <div class="toolbar-right">
                    <ListFilters
                        query=query
                        on_change=Callback::new(move |q| router.replace(Route::Pools(pool_type.get_untracked(), q)))
                        on_typing=Callback::new(move |q| router.replace_typed(Route::Pools(pool_type.get_untracked(), q)))
                    />
                </div>
            </div>
            <div class="table-scroll">
                <table class="table" aria-label=move || say().pool_type(pool_type.get())>
                    <thead>
                        <tr>
                            <SortHeader label=t().common.name_id key=SortKey::Name query=query on_sort=sort_by />
                            <th>{common.status}</th>
                            <th>{say().field(Field::BillingMode)}</th>
                            <th>{words.specifications}</th>
                            <th>{say().field(Field::Nodes)}</th>
                            <th>{say().field(Field::Az)}</th>
                            <SortHeader label=common.created key=SortKey::Created query=query on_sort=sort_by />
                            <th>{words.expires}</th>
                            <th>{common.operation}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=page_ids key=|id| id.clone() let:id>
                            <PoolRow pool_id=id on_scale=on_scale on_delete=on_delete views=views board=progress />
                        </For>
                        <Show when=move || page.with(|p| p.total_count == 0)>
                            <tr class="empty-row">
                                <td colspan="9">
                                    {move || if page.with(|p| p.tab_empty) {
                                        quota.with(|q| (words.no_pools_of_type)(say().pool_type(pool_type.get()), &q.0))
                                    } else {
                                        words.no_match.to_string()
                                    }}
                                </td>
                            </tr>
                        </Show>
                    </tbody>
                </table>
            </div>
            <Pagination
                total=Signal::derive(move || page.with(|p| p.total_count))
                page=Signal::derive(move || page.with(|p| p.page))
                page_count=Signal::derive(move || page.with(|p| p.page_count))
                page_size=Signal::derive(move || query.with(|q| q.page_size))
                on_page=Callback::new(move |p| set_query(&|q| q.at_page(p)))
                on_page_size=Callback::new(move |size| set_query(&|q| q.with_page_size(size)))
            />
        </section>
        {move || deleting.get().map(|id| view! {
            <DeletePoolDialog pool_id=id on_close=Callback::new(move |_| deleting.set(None)) />
        })}
    }
}

/// When a prepaid pool's term ends, and whether it renews.
pub fn expiry_text(pool: &Pool) -> String {
    match (pool.billing_mode(), pool.billing.expires_at) {
        (BillingMode::YearlyMonthly, Some(at)) => {
            (t().pools.expiry)(&clock::show(at), pool.auto_renew())
        }
        _ => "-".into(),
    }
}

/// What decides whether a pool's row may have changed: its phase (and with it the reasons of
/// Scale and Delete), its nodes, its term, any recorded event, and the catalog (which names
/// its flavor).
#[derive(Debug, PartialEq)]
struct PoolRowKey {
    phase: PoolPhase,
    nodes: u32,
    expires_at: Option<Millis>,
    auto_renew: bool,
    events: usize,
    last_event: Millis,
    catalog: u32,
}

impl PoolRowKey {
    fn of(console: &Console, id: &str) -> Option<PoolRowKey> {
        let pool = console.pool(id)?;
        Some(PoolRowKey {
            phase: pool.phase(),
            nodes: pool.node_count(),
            expires_at: pool.billing.expires_at,
            auto_renew: pool.auto_renew(),
            events: pool.events.len(),
            last_event: pool.events.last().map_or(0, |e| e.time),
            catalog: console.catalog_revision(),
        })
    }
}

/// What a pool's row shows, but its progress (its list's [`ProgressBoard`] writes that): a
/// small view, rebuilt when the row's [`PoolRowKey`] changes, instead of a clone of the pool
/// on every tick.
struct PoolRowView {
    name: String,
    phase: PoolPhase,
    billing_mode: &'static str,
    flavor: String,
    nodes: u32,
    az: String,
    created: Millis,
    expires: String,
    /// Why Scale and Delete are refused, if they are.
    refusals: [Option<String>; 2],
}

impl PoolRowView {
    fn of(console: &Console, id: &str) -> Option<PoolRowView> {
        let pool = console.pool(id)?;
        let refusal = |action| {
            console
                .check_pool(id, action)
                .err()
                .map(|e| say().error_reason(&e))
        };
        Some(PoolRowView {
            name: pool.display_name().to_string(),
            phase: pool.phase(),
            billing_mode: say().billing_mode(pool.billing_mode()),
            flavor: console.catalog().flavor_display(pool.flavor()).to_string(),
            nodes: pool.node_count(),
            az: say().pool_az(pool),
            created: pool.metadata.creation_timestamp,
            expires: expiry_text(pool),
            refusals: [refusal(PoolAction::Scale), refusal(PoolAction::Delete)],
        })
    }
}

/// One pool's row; it follows that pool's [`PoolRowView`] (see [`RowViews`]), so only rows
/// that change re-render.
#[component]
fn PoolRow(
    pool_id: String,
    on_scale: Callback<String>,
    on_delete: Callback<String>,
    views: RowViews<PoolRowKey, PoolRowView>,
    /// Writes the progress of every row's badge.
    board: ProgressBoard,
) -> impl IntoView {
    let row = views.join(pool_id.clone());
    let text = move |f: fn(&PoolRowView) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let reason = move |i: usize| {
        Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.refusals[i].clone())))
    };
    let href = Route::PoolDetails(pool_id.clone()).href();
    view! {
        <tr>
            <td>
                <a class="name-link" href=href>{text(|r| r.name.clone())}</a>
                <div class="muted mono">{pool_id.clone()}</div>
            </td>
            <td>
                <StatusBadge
                    status=Signal::derive(move || row.with(|r| r.as_ref().map_or(PoolPhase::Deleting, |r| r.phase)))
                    progress=Progress::Board(board, pool_id.clone())
                />
            </td>
            <td>{text(|r| r.billing_mode.to_string())}</td>
            <td>{text(|r| r.flavor.clone())}</td>
            <td>{text(|r| r.nodes.to_string())}</td>
            <td>{text(|r| r.az.clone())}</td>
            <td class="nowrap">{text(|r| clock::show(r.created))}</td>
            <td class="nowrap">{text(|r| r.expires.clone())}</td>
            <td class="operations">
                <PoolActionButton pool_id=pool_id.clone() action=PoolAction::Scale on_allowed=on_scale reason=reason(0) />
                <PoolActionButton pool_id=pool_id.clone() action=PoolAction::Delete on_allowed=on_delete reason=reason(1) />
            </td>
        </tr>
    }
}
