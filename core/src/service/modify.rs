//! Modify: what may change on a service, what did change (old -> new, for the restart dialog
//! and the event), and whether the change restarts a running service.

use crate::catalog::Catalog;
use crate::validation::Field;
use crate::Lang;

use super::deploy::ConfigInput;
use super::{BatchService, ServiceConfig};

/// What Modify may change on a service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceUpdate {
    pub description: String,
    pub config: ConfigInput,
}

impl ServiceUpdate {
    /// The form pre-filled with the service as it is.
    pub fn from_service(service: &BatchService) -> ServiceUpdate {
        ServiceUpdate {
            description: service.description.clone(),
            config: ConfigInput::from_config(service.config()),
        }
    }
}

/// One field that a modification changes, as the console shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// The fields `new` changes on `service`, in form order.
pub(crate) fn changes(
    catalog: &Catalog,
    service: &BatchService,
    description: &str,
    new: &ServiceConfig,
    lang: Lang,
) -> Vec<Change> {
    let say = crate::speak(lang);
    let old = service.config();
    let version = |c: &ServiceConfig| format!("{} {}", c.model_name, c.model_version);
    let flavor = |c: &ServiceConfig| catalog.flavor_display(&c.specification).to_string();
    let text = |s: &str| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    let candidates = [
        (
            Field::Description,
            text(&service.description),
            text(description),
        ),
        (Field::ModelVersion, version(old), version(new)),
        (Field::InputPath, old.src_path.clone(), new.src_path.clone()),
        (Field::RequestPath, old.req_uri.clone(), new.req_uri.clone()),
        (Field::MappingType, say.mapping(old), say.mapping(new)),
        (
            Field::OutputPath,
            old.dest_path.clone(),
            new.dest_path.clone(),
        ),
        (Field::Specifications, flavor(old), flavor(new)),
        (
            Field::ComputeNodes,
            old.instance_count.to_string(),
            new.instance_count.to_string(),
        ),
        (
            Field::EnvironmentVariables,
            old.envs_text(),
            new.envs_text(),
        ),
    ];
    candidates
        .into_iter()
        .filter(|(_, o, n)| o != n)
        .map(|(field, old, new)| Change { field, old, new })
        .collect()
}
