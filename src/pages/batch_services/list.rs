use std::collections::BTreeSet;

use console_core::{ServiceAction, ServiceQuery, ServiceStatus, SortKey, SortOrder};
use leptos::prelude::*;

use super::{flavor_text, run_operation, service_text, OpenDialog, ServiceBadge, ServiceDialogs};
use crate::clock;
use crate::components::action_button::ActionButton;
use crate::components::page_header::{Crumb, PageHeader};
use crate::components::pagination::Pagination;
use crate::route::{Route, Router};
use crate::state::{use_store, ToastKind};

/// The Batch Services list: search, status filter, sort, pagination, batch delete and the
/// operations of each row. The query lives in the URL so every view is a deep link.
#[component]
pub fn ServiceList(#[prop(into)] query: Signal<ServiceQuery>) -> impl IntoView {
    let store = use_store();
    let router = expect_context::<Router>();
    let dialog = RwSignal::new(None::<OpenDialog>);
    let selected = RwSignal::new(BTreeSet::<String>::new());

    // The page of ids plus paging numbers; rows read their own service by id.
    let page = Memo::new(move |_| {
        let q = query.get();
        store.read(|c| {
            let p = c.query(&q);
            let ids: Vec<String> = p.rows.iter().map(|s| s.service_id.clone()).collect();
            (ids, p.total_count, p.page, p.page_count, c.services().is_empty())
        })
    });
    let region_name = Memo::new(move |_| {
        store.read(|c| c.catalog().region(c.region()).map(|r| r.name.clone()).unwrap_or_default())
    });
    // Selections of services that no longer exist (deleted, other region) drop out.
    let selection = Memo::new(move |_| {
        let chosen = selected.get();
        store.read(|c| chosen.into_iter().filter(|id| c.service(id).is_some()).collect::<Vec<_>>())
    });
    let batch_reason = Memo::new(move |_| {
        let ids = selection.get();
        store.read(|c| c.check_delete_all(&ids).err().map(|e| e.to_string()))
    });

    let set_query = move |change: &dyn Fn(&mut ServiceQuery)| {
        let mut q = query.get_untracked();
        change(&mut q);
        router.replace(Route::BatchServices(q));
    };
    let sort_by = move |key: SortKey| {
        set_query(&|q| {
            if q.sort == key {
                q.order = if q.order == SortOrder::Desc { SortOrder::Asc } else { SortOrder::Desc };
            } else {
                q.sort = key;
                q.order = if key == SortKey::Name { SortOrder::Asc } else { SortOrder::Desc };
            }
            q.page = 1;
        })
    };
    let aria_sort = move |key: SortKey| {
        move || {
            let q = query.get();
            (q.sort == key).then_some(if q.order == SortOrder::Asc { "ascending" } else { "descending" })
        }
    };
    let page_ids = move || page.get().0;
    let all_on_page_selected = move || {
        let ids = page_ids();
        !ids.is_empty() && selected.with(|s| ids.iter().all(|id| s.contains(id)))
    };
    let operation = Callback::new(move |(action, id): (ServiceAction, String)| run_operation(store, action, id, dialog));

    view! {
        <PageHeader
            crumbs=vec![Crumb::link("Model Deployment", "#/batch-services"), Crumb::here("Batch Services")]
            title="Batch Services".to_string()
        />
        <section class="panel">
            <div class="toolbar">
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || batch_reason.get().map(|_| "true")
                    title=move || batch_reason.get()
                    on:click=move |_| match batch_reason.get_untracked() {
                        Some(why) => store.toast(ToastKind::Error, why),
                        None => dialog.set(Some(OpenDialog::Delete(selection.get_untracked()))),
                    }
                >
                    "Delete"
                </button>
                <span class="selection-count">
                    {move || match selection.get().len() { 0 => String::new(), n => format!("{n} selected") }}
                </span>
                <div class="toolbar-right">
                    <select
                        aria-label="Status"
                        on:change=move |ev| {
                            let status = ServiceStatus::from_api_value(&event_target_value(&ev));
                            set_query(&|q| { q.status = status; q.page = 1; });
                        }
                    >
                        <option value="" selected=move || query.get().status.is_none()>"All statuses"</option>
                        {ServiceStatus::ALL
                            .into_iter()
                            .map(|s| view! { <option value=s.api_value() selected=move || query.get().status == Some(s)>{s.label()}</option> })
                            .collect_view()}
                    </select>
                    <input
                        type="search"
                        class="search"
                        aria-label="Search by name"
                        placeholder="Search by name"
                        prop:value=move || query.get().name
                        on:input=move |ev| {
                            let name = event_target_value(&ev);
                            set_query(&|q| { q.name = name.clone(); q.page = 1; });
                        }
                    />
                </div>
            </div>
            <table class="table">
                <thead>
                    <tr>
                        <th class="col-check">
                            <input
                                type="checkbox"
                                aria-label="Select all services on this page"
                                prop:checked=all_on_page_selected
                                on:change=move |ev| {
                                    let ids = page_ids();
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| for id in ids { if on { s.insert(id); } else { s.remove(&id); } });
                                }
                            />
                        </th>
                        <th aria-sort=aria_sort(SortKey::Name)>
                            <button type="button" class="sort-button" on:click=move |_| sort_by(SortKey::Name)>"Name/ID"</button>
                        </th>
                        <th>"Status"</th>
                        <th>"Model/Version"</th>
                        <th>"Specifications"</th>
                        <th aria-sort=aria_sort(SortKey::Created)>
                            <button type="button" class="sort-button" on:click=move |_| sort_by(SortKey::Created)>"Created"</button>
                        </th>
                        <th>"Description"</th>
                        <th>"Operation"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=page_ids key=|id| id.clone() let:id>
                        <ServiceRow service_id=id selected=selected operation=operation />
                    </For>
                    <Show when=move || page.get().1 == 0>
                        <tr class="empty-row">
                            <td colspan="8">
                                {move || if page.get().4 {
                                    format!("No batch services in {}.", region_name.get())
                                } else {
                                    "No services match the search criteria.".to_string()
                                }}
                            </td>
                        </tr>
                    </Show>
                </tbody>
            </table>
            <Pagination
                total=Signal::derive(move || page.get().1)
                page=Signal::derive(move || page.get().2)
                page_count=Signal::derive(move || page.get().3)
                page_size=Signal::derive(move || query.get().page_size)
                on_page=Callback::new(move |p| set_query(&|q| q.page = p))
                on_page_size=Callback::new(move |size| set_query(&|q| { q.page_size = size; q.page = 1; }))
            />
        </section>
        <ServiceDialogs dialog=dialog on_deleted=Callback::new(move |_| selected.set(BTreeSet::new())) />
    }
}

/// One service's row; it follows that service through the store, so only rows that change
/// re-render (and focus stays where it is while statuses move).
#[component]
fn ServiceRow(
    service_id: String,
    selected: RwSignal<BTreeSet<String>>,
    operation: Callback<(ServiceAction, String)>,
) -> impl IntoView {
    let store = use_store();
    let id = service_id.clone();
    let service = Memo::new(move |_| store.read(|c| c.service(&id).cloned()));
    let flavor = Memo::new(move |_| flavor_text(store, service)());
    let field = move |f: fn(&console_core::BatchService) -> String| service_text(service, f);
    let id_for_check = service_id.clone();
    let details_href = Route::ServiceDetails(service_id.clone()).href();
    view! {
        <tr>
            <td class="col-check">
                <input
                    type="checkbox"
                    aria-label=field(|s| format!("Select {}", s.service_name))
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
                <a class="name-link" href=details_href>{field(|s| s.service_name.clone())}</a>
                <div class="muted mono">{service_id.clone()}</div>
            </td>
            <td>
                <ServiceBadge service=service />
            </td>
            <td>{field(|s| format!("{} | {}", s.config().model_name, s.config().model_version))}</td>
            <td>
                <div>{move || flavor.get()}</div>
                <div class="muted">{field(|s| format!("Compute nodes: {}", s.config().instance_count))}</div>
            </td>
            <td class="nowrap">{field(|s| clock::show(s.publish_at))}</td>
            <td class="description">{field(|s| s.description.clone())}</td>
            <td class="operations">
                {ServiceAction::OFFERED
                    .into_iter()
                    .map(|action| view! {
                        <ActionButton
                            service_id=service_id.clone()
                            action=action
                            on_allowed=Callback::new(move |id| operation.run((action, id)))
                        />
                    })
                    .collect_view()}
            </td>
        </tr>
    }
}
