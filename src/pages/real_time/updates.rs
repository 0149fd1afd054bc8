//! Configuration Updates: the existing configuration (model, version, status,
//! specifications, nodes, traffic ratio) and the history of updates.

use console_core::validation::Field;
use console_core::{RealTimeService, RealTimeStatus, StatusValue};
use leptos::prelude::*;

use crate::clock;
use crate::i18n::{lang, say, t};
use crate::state::use_store;

#[component]
pub fn ConfigurationUpdates(service: Memo<Option<RealTimeService>>) -> impl IntoView {
    let store = use_store();
    let rows = move || {
        service.with(|s| {
            s.as_ref().map_or_else(Vec::new, |s| {
                let status = RealTimeStatus(s.status).label(lang());
                store.track_ticks(|c| {
                    s.config
                        .iter()
                        .map(|v| {
                            (
                                v.model_name.clone(),
                                v.model_version.clone(),
                                status,
                                c.catalog().flavor_display(&v.specification).to_string(),
                                v.instance_count,
                                v.weight,
                            )
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let history = move || {
        service.with(|s| {
            s.as_ref()
                .map(|s| s.updates.iter().rev().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let words = &t().real_time;
    view! {
        <h2 class="section-title">{words.existing_configuration}</h2>
        <div class="table-scroll">
            <table class="table" aria-label=words.existing_configuration_table>
                <thead><tr>
                    <th>{words.model}</th>
                    <th>{words.version}</th>
                    <th>{t().common.status}</th>
                    <th>{say().field(Field::Specifications)}</th>
                    <th>{say().field(Field::ComputeNodes)}</th>
                    <th>{say().field(Field::TrafficRatio)}</th>
                </tr></thead>
                <tbody>
                    {move || rows().into_iter().map(|(model, version, status, flavor, nodes, weight)| view! {
                        <tr><td>{model}</td><td>{version}</td><td>{status}</td><td>{flavor}</td><td>{nodes}</td><td>{weight}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="section-title">{words.historical_updates}</h2>
        <div class="table-scroll">
            <table class="table" aria-label=words.historical_updates_table>
                <thead><tr>
                    <th>{words.time}</th>
                    <th>{words.changes}</th>
                    <th>{words.upgrade}</th>
                    <th>{words.result}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let history = history();
                        if history.is_empty() {
                            return view! { <tr class="empty-row"><td colspan="4">{words.no_updates}</td></tr> }.into_any();
                        }
                        history.into_iter().map(|u| view! {
                            <tr>
                                <td class="nowrap">{clock::show(u.time)}</td>
                                <td><ul class="plain-list">{u.changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul></td>
                                <td>{say().upgrade_kind(u.kind)}</td>
                                <td>{u.result.map_or(words.updating, |r| say().update_result(r))}</td>
                            </tr>
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
        </div>
    }
}
