//! The Scale page of a pool: raise the node count to scale out, or switch off nodes in the
//! node list to scale in, then Submit. The core says what is wrong (quota, counts) beside
//! Nodes; after Submit the pools list is shown.

use std::collections::BTreeSet;

use console_core::validation::Field;
use console_core::{Command, NodeStatus, Pool, PoolAction, PoolQuery, PoolType, ScaleRequest};
use leptos::prelude::*;

use super::create::price_text;
use super::{flavor_display, follow_pool, pool_text};
use crate::components::form::{ErrorSummary, FormCheck, NumberField};
use crate::components::page_header::{Crumb, PageHeader};
use crate::i18n::{say, t};
use crate::route::{use_router, Route};
use crate::state::use_store;

#[component]
pub fn ScalePool(pool_id: String) -> impl IntoView {
    let store = use_store();
    let router = use_router();
    let pool = follow_pool(store, pool_id.clone());
    let refusal = {
        let id = pool_id.clone();
        Memo::new(move |_| {
            store.track_ticks(|c| {
                c.check_pool(&id, PoolAction::Scale)
                    .err()
                    .map(|e| say().domain_error(&e))
            })
        })
    };
    let pool_type = pool.with_untracked(|p| {
        p.as_ref()
            .map_or(PoolType::DevelopmentTraining, Pool::pool_type)
    });
    let list = Route::Pools(pool_type, PoolQuery::default());
    let list_href = list.href();
    let words = &t().pools;
    let title = Signal::derive(move || {
        pool.with(|p| {
            p.as_ref().map_or(words.not_found.into(), |p| {
                (words.scale_title)(p.display_name())
            })
        })
    });
    let crumbs = {
        let href = list_href.clone();
        Signal::derive(move || {
            vec![
                Crumb::link(t().shell.pools, &href),
                Crumb::here(title.get()),
            ]
        })
    };
    let form_id = pool_id.clone();
    // Only whether the pool exists and may be scaled decides the view: the pool itself changes
    // every tick (its cost accrues), which must not rebuild the form.
    let state = Memo::new(move |_| (pool.with(|p| p.is_some()), refusal.get()));
    view! {
        <PageHeader crumbs=crumbs title=title />
        {move || match state.get() {
            (false, _) => view! {
                <section class="panel empty-state">
                    <p>{words.gone}</p>
                    <a href=list_href.clone()>{words.back_to_list}</a>
                </section>
            }
            .into_any(),
            (true, Some(why)) => view! {
                <section class="panel empty-state">
                    <p role="alert">{why}</p>
                    <a href=list_href.clone()>{words.back_to_list}</a>
                </section>
            }
            .into_any(),
            (true, None) => view! { <ScaleForm pool_id=form_id.clone() pool=pool on_done=Callback::new({
                let list = list.clone();
                move |_| router.push(list.clone())
            }) /> }
            .into_any(),
        }}
    }
}

#[component]
fn ScaleForm(pool_id: String, pool: Memo<Option<Pool>>, on_done: Callback<()>) -> impl IntoView {
    let store = use_store();
    let current = pool.with_untracked(|p| p.as_ref().map_or(0, Pool::node_count));
    let nodes = RwSignal::new(current.to_string());
    let removed = RwSignal::new(BTreeSet::<String>::new());
    let id = StoredValue::new(pool_id);
    let request = Memo::new(move |_| ScaleRequest {
        nodes: nodes.with(|n| n.trim().parse().ok()),
        removed: removed.with(|r| r.iter().cloned().collect()),
    });
    let check = FormCheck::new(move || {
        request.with(|r| store.track_ticks(|c| c.validate_scale(&id.get_value(), r)))
    });
    let quota = Memo::new(move |_| {
        store.track_ticks(|c| (c.nodes_left(), c.node_quota(), c.region_name().to_string()))
    });
    let new_price = Memo::new(move |_| {
        request.with(|r| store.track_ticks(|c| c.scale_price(&id.get_value(), r)))
    });
    let toggle = move |name: String, on: bool| {
        removed.update(|r| {
            if on {
                r.remove(&name);
            } else {
                r.insert(name);
            }
        });
        let off = removed.with_untracked(|r| r.iter().cloned().collect());
        let count = ScaleRequest::switching_off(current, off)
            .nodes
            .unwrap_or(current);
        nodes.set(count.to_string());
        check.touch(Field::Nodes);
    };
    let scale = store.command_action(move |result| {
        if result.is_ok() {
            let _ = on_done.try_run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !check.submit() {
            return;
        }
        scale.dispatch_local(Command::ScalePool {
            pool_id: id.get_value(),
            request: request.get_untracked(),
        });
    };
    let text = move |f: fn(&Pool) -> String| pool_text(pool, f);
    let words = &t().pools;
    let common = &t().common;
    // A memo: the rows re-render when the nodes change, not on every tick of the pool's cost.
    let node_rows =
        Memo::new(move |_| pool.with(|p| p.as_ref().map(|p| p.nodes.clone()).unwrap_or_default()));
    view! {
        <form class="form deploy-form scale-form" novalidate on:submit=submit>
            <section class="panel form-section" aria-labelledby="scale-current">
                <h2 id="scale-current">{words.current_configuration}</h2>
                <dl class="details-grid">
                    <div class="detail"><dt>{common.name}</dt><dd>{text(|p| p.display_name().to_string())}</dd></div>
                    <div class="detail"><dt>{say().field(Field::BillingMode)}</dt><dd>{text(|p| say().billing_mode(p.billing_mode()).to_string())}</dd></div>
                    <div class="detail"><dt>{words.specifications}</dt><dd>{move || flavor_display(store, &text(|p| p.flavor().to_string())())}</dd></div>
                    <div class="detail"><dt>{words.current_nodes}</dt><dd>{current}</dd></div>
                </dl>
            </section>
            <section class="panel form-section" aria-labelledby="scale-nodes">
                <h2 id="scale-nodes">{say().pool_action(PoolAction::Scale)}</h2>
                <NumberField
                    field=Field::Nodes
                    value=nodes
                    check=check
                    min=1
                    max=Signal::derive(move || quota.with(|q| current + q.0))
                    hint=Signal::derive(move || quota.with(|(left, total, region)| (words.scale_hint)(*left, *total, region)))
                />
                <div class="table-scroll">
                    <table class="table node-switches" aria-label=words.node_list>
                        <thead><tr><th>{words.node_name}</th><th>{say().field(Field::Az)}</th><th>{common.status}</th><th>{common.operation}</th></tr></thead>
                        <tbody>
                            {move || node_rows.get().into_iter().map(|n| {
                                let name = n.name.clone();
                                let checked_name = n.name.clone();
                                let switchable = n.status == NodeStatus::Available;
                                view! {
                                    <tr>
                                        <td class="mono">{n.name.clone()}</td>
                                        <td>{n.az.clone()}</td>
                                        <td>{say().node_status(n.status)}</td>
                                        <td>
                                            <label class="switch">
                                                <input
                                                    type="checkbox"
                                                    role="switch"
                                                    aria-label=(words.node_switch)(&n.name)
                                                    disabled=!switchable
                                                    prop:checked=move || removed.with(|r| !r.contains(&checked_name))
                                                    on:change=move |ev| toggle(name.clone(), event_target_checked(&ev))
                                                />
                                                <span class="switch-text">{move || if removed.with(|r| r.contains(&n.name)) { words.off } else { words.on }}</span>
                                            </label>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
            <div class="form-footer panel">
                <ErrorSummary check=check />
                <div class="form-footer-row">
                    <p class="price-line" aria-live="polite">
                        {words.price_after_scaling} <strong>{move || price_text(new_price.get())}</strong>
                    </p>
                    <button type="button" class="button" on:click=move |_| on_done.run(())>{common.cancel}</button>
                    <button type="submit" class="button primary" disabled=move || scale.pending().get()>{common.submit}</button>
                </div>
            </div>
        </form>
    }
}
