use std::collections::BTreeSet;

use console_core::validation::Field;
use console_core::{
    BatchService, Console, ExportScope, Millis, ServiceAction, ServiceQuery, ServiceStatus, SortKey,
};
use leptos::prelude::*;

use super::{run_operation, OpenDialog, ServiceDialogs};
use crate::clock;
use crate::components::action_button::ActionButton;
use crate::components::list_filters::ListFilters;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::pagination::Pagination;
use crate::components::progress_board::ProgressBoard;
use crate::components::row_views::RowViews;
use crate::components::sort_header::SortHeader;
use crate::components::status_badge::{Progress, StatusBadge};
use crate::components::transfer::export_button::ExportButton;
use crate::i18n::{say, t};
use crate::notices::ToastKind;
use crate::route::{use_router, Route};
use crate::state::use_store;

/// The ids of one page of the list, and the numbers the pagination needs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PageRows {
    ids: Vec<String>,
    total_count: usize,
    page: usize,
    page_count: usize,
    /// The region has no services at all (not just none matching).
    region_empty: bool,
}

/// The Batch Services list: Deploy, search, status filter, sort, pagination, batch delete and
/// the operations of each row. The query lives in the URL so every view is a deep link.
#[component]
pub fn ServiceList(#[prop(into)] query: Signal<ServiceQuery>) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let (words, common, shell) = (&t().batch, &t().common, &t().shell);
    let dialog = RwSignal::new(None::<OpenDialog>);
    let selected = RwSignal::new(BTreeSet::<String>::new());

    // Rows read their own service by id; the page only knows ids.
    let page = Memo::new(move |_| {
        let q = query.get();
        store.track_changes(|c| {
            let p = c.query(&q);
            PageRows {
                ids: p.rows.iter().map(|s| s.service_id.clone()).collect(),
                total_count: p.total_count,
                page: p.page,
                page_count: p.page_count,
                region_empty: c.services().is_empty(),
            }
        })
    });
    let region_name = Memo::new(move |_| store.track_changes(|c| c.region_name().to_string()));
    // Selections of services that no longer exist (deleted, other region) drop out.
    let selection = Memo::new(move |_| {
        let chosen = selected.get();
        store.track_changes(|c| {
            chosen
                .into_iter()
                .filter(|id| c.service(id).is_some())
                .collect::<Vec<_>>()
        })
    });

    let set_query = move |change: &dyn Fn(ServiceQuery) -> ServiceQuery| {
        router.replace(Route::BatchServices(change(query.get_untracked())));
    };
    let sort_by = Callback::new(move |key| set_query(&|q| q.sorted_by(key)));
    let page_ids = move || page.with(|p| p.ids.clone());
    let all_on_page_selected = move || {
        let ids = page_ids();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    let more_to_select = move || {
        all_on_page_selected() && selection.with(|s| s.len()) < page.with(|p| p.total_count)
    };
    let views = RowViews::new(
        store,
        |c, id| c.service(id).map(|s| RowKey::of(c, s)),
        |c, id| c.service(id).map(|s| RowView::of(c, s)),
    );
    let progress = ProgressBoard::new(store, |c, id, _| c.service(id).map_or(0, |s| s.progress));
    let operation = Callback::new(move |(action, id): (ServiceAction, String)| {
        run_operation(store, action, id, dialog)
    });
    let delete_selected = move |_| {
        let ids = selection.get_untracked();
        if ids.is_empty() {
            store
                .notices()
                .toast(ToastKind::Error, t().common.select_one.into());
        } else {
            dialog.set(Some(OpenDialog::Delete(ids)));
        }
    };

    view! {
        <PageHeader
            crumbs=vec![Crumb::link(shell.model_deployment, "#/batch-services"), Crumb::here(shell.batch_services)]
            title=shell.batch_services.to_string()
        />
        <section class="panel">
            <div class="toolbar">
                <a class="button primary" href=Route::DeployService.href()>{words.deploy}</a>
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || selection.with(|s| s.is_empty()).then_some("true")
                    title=move || selection.with(|s| s.is_empty()).then_some(t().common.select_one)
                    on:click=delete_selected
                >
                    {common.delete}
                </button>
                <span class="selection-count">
                    {move || match selection.with(|s| s.len()) { 0 => String::new(), n => (common.selected)(n) }}
                </span>
                // The whole page is selected and more services match: offer them all, as
                // consoles do for batch operations.
                <Show when=more_to_select>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| {
                            let ids = store.untracked(|c| c.matching_service_ids(&query.get_untracked()));
                            selected.set(ids.into_iter().collect());
                        }
                    >
                        {move || (t().common.select_all_matching)(page.with(|p| p.total_count))}
                    </button>
                </Show>
                <Show when=move || selection.with(|s| !s.is_empty())>
                    <button type="button" class="link-button" on:click=move |_| selected.set(BTreeSet::new())>
                        {t().common.clear_selection}
                    </button>
                </Show>
                <ExportButton scope=ExportScope::Services />
                <div class="toolbar-right">
                    <ListFilters
                        query=query
                        on_change=Callback::new(move |q| router.replace(Route::BatchServices(q)))
                        on_typing=Callback::new(move |q| router.replace_typed(Route::BatchServices(q)))
                    />
                </div>
            </div>
            <div class="table-scroll">
                <table class="table">
                    <thead>
                        <tr>
                            <th class="col-check">
                                <input
                                    type="checkbox"
                                    aria-label=t().common.select_page
                                    prop:checked=all_on_page_selected
                                    on:change=move |ev| {
                                        let ids = page_ids();
                                        let on = event_target_checked(&ev);
                                        selected.update(|s| for id in ids { if on { s.insert(id); } else { s.remove(&id); } });
                                    }
                                />
                            </th>
                            <SortHeader label=t().common.name_id key=SortKey::Name query=query on_sort=sort_by />
                            <th>{common.status}</th>
                            <th>{words.model_version_column}</th>
                            <th>{say().field(Field::Specifications)}</th>
                            <SortHeader label=common.created key=SortKey::Created query=query on_sort=sort_by />
                            <th>{common.description}</th>
                            <th>{common.operation}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=page_ids key=|id| id.clone() let:id>
                            <ServiceRow service_id=id selected=selected operation=operation views=views board=progress />
                        </For>
                        <Show when=move || page.with(|p| p.total_count == 0)>
                            <tr class="empty-row">
                                <td colspan="8">
                                    {move || if page.with(|p| p.region_empty) {
                                        (words.no_services_in)(&region_name.get())
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
        <ServiceDialogs dialog=dialog on_deleted=Callback::new(move |_| selected.set(BTreeSet::new())) />
    }
}

/// What a row shows of its service but the progress: a small view instead of a clone of the
/// whole service (config, bill and events), rebuilt only when its [`RowKey`] changes.
#[derive(Clone, Debug, PartialEq)]
struct RowView {
    name: String,
    status: ServiceStatus,
    model: String,
    flavor: String,
    nodes: u32,
    created: Millis,
    description: String,
    /// Why each offered operation is refused (in [`ServiceAction::OFFERED`] order), if it is.
    refusals: Vec<Option<String>>,
}

impl RowView {
    fn of(console: &Console, s: &BatchService) -> RowView {
        let config = s.config();
        RowView {
            name: s.service_name.clone(),
            status: s.status,
            model: format!("{} | {}", config.model_name, config.model_version),
            flavor: console
                .catalog()
                .flavor_display(&config.specification)
                .to_string(),
            nodes: config.instance_count,
            created: s.publish_at,
            description: s.description.clone(),
            refusals: ServiceAction::OFFERED
                .iter()
                .map(|a| {
                    console
                        .check(&s.service_id, *a)
                        .err()
                        .map(|e| say().error_reason(&e))
                })
                .collect(),
        }
    }
}

/// What decides whether a row's view may have changed. The progress is not in it: it moves
/// on every tick while running, and only the badge shows it (see [`ProgressBoard`]), so a
/// tick does not rebuild the row's texts and its operations' reasons.
#[derive(Clone, Debug, PartialEq)]
struct RowKey {
    status: ServiceStatus,
    events: usize,
    last_event: Millis,
    authorized: bool,
    pool_phase: Option<console_core::PoolPhase>,
    /// A `catalog.json` from the host may rename a flavor after the first render.
    catalog: u32,
}

impl RowKey {
    fn of(console: &Console, s: &BatchService) -> RowKey {
        RowKey {
            status: s.status,
            events: s.events.len(),
            last_event: s.events.last().map_or(0, |e| e.time),
            authorized: console.agency_authorized(),
            pool_phase: match &s.location {
                console_core::DeploymentLocation::DedicatedPool { pool_name } => {
                    console.pool(pool_name).map(|p| p.phase())
                }
                _ => None,
            },
            catalog: console.catalog_revision(),
        }
    }
}

/// One service's row; it follows that service's [`RowView`] (see [`RowViews`]), so only rows
/// that change re-render (and focus stays where it is while statuses move).
#[component]
fn ServiceRow(
    service_id: String,
    selected: RwSignal<BTreeSet<String>>,
    operation: Callback<(ServiceAction, String)>,
    views: RowViews<RowKey, RowView>,
    /// Writes the progress of every row's badge (see [`ProgressBoard`]).
    board: ProgressBoard,
) -> impl IntoView {
    let row = views.join(service_id.clone());
    let field = move |f: fn(&RowView) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let id_for_check = service_id.clone();
    let details_href = Route::ServiceDetails(service_id.clone()).href();
    view! {
        <tr>
            <td class="col-check">
                <input
                    type="checkbox"
                    aria-label=field(|r| (t().batch.select_service)(&r.name))
                    prop:checked=move || selected.with(|s| s.contains(&id_for_check))
                    on:change={
                        let id = service_id.clone();
                        move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| { if on { s.insert(id.clone()); } else { s.remove(&id); } });
                        }
                    }
                />
            </td>
            <td>
                <a class="name-link" href=details_href>{field(|r| r.name.clone())}</a>
                <div class="muted mono">{service_id.clone()}</div>
            </td>
            <td>
                <StatusBadge
                    status=Signal::derive(move || row.with(|r| r.as_ref().map_or(ServiceStatus::Deleting, |r| r.status)))
                    progress=Progress::Board(board, service_id.clone())
                />
            </td>
            <td>{field(|r| r.model.clone())}</td>
            <td>
                <div>{field(|r| r.flavor.clone())}</div>
                <div class="muted">{field(|r| (t().batch.compute_nodes_of)(r.nodes))}</div>
            </td>
            <td class="nowrap">{field(|r| clock::show(r.created))}</td>
            <td class="description">{field(|r| r.description.clone())}</td>
            <td class="operations">
                {ServiceAction::OFFERED
                    .into_iter()
                    .enumerate()
                    .map(|(i, action)| view! {
                        <ActionButton
                            service_id=service_id.clone()
                            action=action
                            reason=Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.refusals[i].clone())))
                            on_allowed=Callback::new(move |id| operation.run((action, id)))
                        />
                    })
                    .collect_view()}
            </td>
        </tr>
    }
}
