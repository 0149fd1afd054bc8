//! The Real-Time Services list: Deploy, search, status filter, sort, pagination, batch
//! delete and each row's operations, on the same list mechanism as the other lists (the
//! core's query, the row views, the progress board).

use std::collections::BTreeSet;

use console_core::validation::Field;
use console_core::{
    Console, ExportScope, Millis, RealTimeQuery, RealTimeService, RealTimeStatus, ServiceAction,
    SortKey,
};
use leptos::prelude::*;

use super::{run_operation, OpenDialog, RealTimeDialogs, MORE};
use crate::clock;
use crate::components::action_button::GuardedButton;
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
use crate::route::{use_router, Route, Router};
use crate::state::{use_store, ConsoleStore};

#[derive(Clone, Debug, PartialEq, Eq)]
struct PageRows {
    ids: Vec<String>,
    total_count: usize,
    page: usize,
    page_count: usize,
    region_empty: bool,
}

/// The Real-Time Services list. The query lives in the URL so every view is a deep link.
#[component]
pub fn RealTimeList(#[prop(into)] query: Signal<RealTimeQuery>) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let dialog = RwSignal::new(None::<OpenDialog>);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let page = Memo::new(move |_| {
        let q = query.get();
        store.track_changes(|c| {
            let p = c.real_time_query(&q);
            PageRows {
                ids: p.rows.iter().map(|s| s.service_id.clone()).collect(),
                total_count: p.total_count,
                page: p.page,
                page_count: p.page_count,
                region_empty: c.real_time_services().is_empty(),
            }
        })
    });
    let region_name = Memo::new(move |_| store.track_changes(|c| c.region_name().to_string()));
    let selection = Memo::new(move |_| {
        let chosen = selected.get();
        store.track_changes(|c| {
            chosen
                .into_iter()
                .filter(|id| c.real_time_service(id).is_some())
                .collect::<Vec<_>>()
        })
    });
    let set_query = move |change: &dyn Fn(RealTimeQuery) -> RealTimeQuery| {
        router.replace(Route::RealTimeServices(change(query.get_untracked())));
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
        |c, id| c.real_time_service(id).map(|s| RowKey::of(c, s)),
        |c, id| c.real_time_service(id).map(|s| RowView::of(c, s)),
    );
    let progress = ProgressBoard::new(store, |c, id, _| {
        c.real_time_service(id).map_or(0, |s| s.progress)
    });
    let operation = Callback::new(move |(action, id): (ServiceAction, String)| {
        run_operation(store, router, action, id, dialog)
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
    let (words, common, shell) = (&t().real_time, &t().common, &t().shell);
    view! {
        <PageHeader
            crumbs=vec![Crumb::link(shell.model_deployment, "#/real-time-services"), Crumb::here(shell.real_time_services)]
            title=shell.real_time_services.to_string()
        />
        <section class="panel">
            <div class="toolbar">
                <a class="button primary" href=Route::DeployRealTime.href()>{words.deploy}</a>
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
                <Show when=more_to_select>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| {
                            let ids = store.untracked(|c| c.matching_real_time_ids(&query.get_untracked()));
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
                <ExportButton scope=ExportScope::RealTimeServices />
                <div class="toolbar-right">
                    <ListFilters
                        query=query
                        on_change=Callback::new(move |q| router.replace(Route::RealTimeServices(q)))
                        on_typing=Callback::new(move |q| router.replace_typed(Route::RealTimeServices(q)))
                    />
                </div>
            </div>
            <div class="table-scroll">
            <table class="table" aria-label=words.services_table>
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
                        <th>{words.calls}</th>
                        <th>{say().field(Field::AutoStop)}</th>
                        <SortHeader label=common.created key=SortKey::Created query=query on_sort=sort_by />
                        <th>{common.description}</th>
                        <th>{common.operation}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=page_ids key=|id| id.clone() let:id>
                        <RealTimeRow service_id=id selected=selected operation=operation views=views board=progress store=store router=router />
                    </For>
                    <Show when=move || page.with(|p| p.total_count == 0)>
                        <tr class="empty-row">
                            <td colspan="10">
                                {move || if page.with(|p| p.region_empty) {
                                    (words.none_in_region)(&region_name.get())
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
        <RealTimeDialogs dialog=dialog on_deleted=Callback::new(move |_| selected.set(BTreeSet::new())) />
    }
}

/// What a row shows of its service but the progress and the Auto Stop countdown.
#[derive(Clone, Debug, PartialEq)]
struct RowView {
    name: String,
    status: RealTimeStatus,
    /// `model version: ratio%` lines.
    versions: Vec<String>,
    flavors: Vec<String>,
    calls: String,
    due_time: Option<Millis>,
    auto_stop: Option<u32>,
    created: Millis,
    description: String,
    /// Why Modify, then each of [`MORE`], is refused, if it is.
    refusals: Vec<Option<String>>,
    /// Why Prediction is refused, if it is.
    prediction: Option<String>,
}

impl RowView {
    fn of(console: &Console, s: &RealTimeService) -> RowView {
        let catalog = console.catalog();
        RowView {
            name: s.service_name.clone(),
            status: RealTimeStatus(s.status),
            versions: s
                .config
                .iter()
                .map(|c| format!("{} | {} ({}%)", c.model_name, c.model_version, c.weight))
                .collect(),
            flavors: s
                .config
                .iter()
                .map(|c| {
                    format!(
                        "{} x {}",
                        catalog.flavor_display(&c.specification),
                        c.instance_count
                    )
                })
                .collect(),
            calls: s.calls_text(),
            due_time: s.due_time,
            auto_stop: s.auto_stop_hours(),
            created: s.publish_at,
            description: s.description.clone(),
            refusals: std::iter::once(ServiceAction::Modify)
                .chain(MORE)
                .map(|a| {
                    console
                        .check_real_time(&s.service_id, a)
                        .err()
                        .map(|e| say().error_reason(&e))
                })
                .collect(),
            prediction: console
                .check_predict(&s.service_id)
                .err()
                .map(|e| say().error_reason(&e)),
        }
    }
}

/// What decides whether a row's view may have changed (not the progress, nor time).
#[derive(Clone, Debug, PartialEq)]
struct RowKey {
    status: console_core::ServiceStatus,
    events: usize,
    last_event: Millis,
    calls: (u64, u64),
    authorized: bool,
    pool_phase: Option<console_core::PoolPhase>,
    catalog: u32,
}

impl RowKey {
    fn of(console: &Console, s: &RealTimeService) -> RowKey {
        RowKey {
            status: s.status,
            events: s.events.len(),
            last_event: s.events.last().map_or(0, |e| e.time),
            calls: (s.invocation_times, s.failed_times),
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

#[component]
fn RealTimeRow(
    service_id: String,
    selected: RwSignal<BTreeSet<String>>,
    operation: Callback<(ServiceAction, String)>,
    views: RowViews<RowKey, RowView>,
    board: ProgressBoard,
    store: ConsoleStore,
    router: Router,
) -> impl IntoView {
    let row = views.join(service_id.clone());
    let field = move |f: fn(&RowView) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let lines = move |f: fn(&RowView) -> Vec<String>| {
        move || {
            row.with(|r| r.as_ref().map(f).unwrap_or_default())
                .into_iter()
                .map(|line| view! { <div>{line}</div> })
                .collect_view()
        }
    };
    let reason = move |i: usize| {
        Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.refusals[i].clone())))
    };
    let id_for_check = service_id.clone();
    let details_href = Route::RealTimeDetails(service_id.clone(), Default::default()).href();
    // The countdown follows the ticks; only a counting row reads them.
    let auto_stop = move || {
        let (due, hours) = row.with(|r| {
            r.as_ref()
                .map_or((None, None), |r| (r.due_time, r.auto_stop))
        });
        let now = due.map_or(0, |_| store.ticking_now());
        say().auto_stop_text(due, hours, now)
    };
    let prediction = service_id.clone();
    let modify = service_id.clone();
    let words = &t().real_time;
    view! {
        <tr>
            <td class="col-check">
                <input
                    type="checkbox"
                    aria-label=field(|r| (t().real_time.select_row)(&r.name))
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
                    status=Signal::derive(move || row.with(|r| r.as_ref().map_or(RealTimeStatus(console_core::ServiceStatus::Deleting), |r| r.status)))
                    progress=Progress::Board(board, service_id.clone())
                />
            </td>
            <td>{lines(|r| r.versions.clone())}</td>
            <td>{lines(|r| r.flavors.clone())}</td>
            <td class="nowrap">{field(|r| r.calls.clone())}</td>
            <td class="nowrap">{auto_stop}</td>
            <td class="nowrap">{field(|r| clock::show(r.created))}</td>
            <td class="description">{field(|r| r.description.clone())}</td>
            <td class="operations">
                <GuardedButton
                    label=words.prediction
                    reason=Signal::derive(move || row.with(|r| r.as_ref().and_then(|r| r.prediction.clone())))
                    on_allowed=Callback::new(move |_| {
                        let id = prediction.clone();
                        // After the click's handler: the list goes away with the route.
                        queue_microtask(move || {
                            router.push(Route::RealTimeDetails(id, crate::route::RealTimeTab::Prediction))
                        })
                    })
                />
                <GuardedButton
                    label=say().service_action(ServiceAction::Modify)
                    reason=reason(0)
                    on_allowed=Callback::new(move |_| operation.run((ServiceAction::Modify, modify.clone())))
                />
                <details class="more-menu">
                    <summary class="link-button">{t().common.more}</summary>
                    <div class="more-items">
                        {MORE
                            .into_iter()
                            .enumerate()
                            .map(|(i, action)| {
                                let id = service_id.clone();
                                view! {
                                    <GuardedButton
                                        label=say().service_action(action)
                                        reason=reason(i + 1)
                                        on_allowed=Callback::new(move |_| operation.run((action, id.clone())))
                                    />
                                }
                            })
                            .collect_view()}
                    </div>
                </details>
            </td>
        </tr>
    }
}
