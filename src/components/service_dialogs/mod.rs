//! The Stop and Delete dialogs of services, batch and real-time alike: what differs between
//! the two kinds (the plan, the command, the warning) is [`ServiceKind`]'s.

mod delete;
mod stop;

pub use delete::DeleteDialog;
pub use stop::StopDialog;

use console_core::service::DeletePlan;
use console_core::{Command, Console};

use crate::i18n::t;

/// Which kind of service a dialog acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceKind {
    Batch,
    RealTime,
}

impl ServiceKind {
    fn name(self, console: &Console, service_id: &str) -> Option<String> {
        match self {
            ServiceKind::Batch => console.service(service_id).map(|s| s.service_name.clone()),
            ServiceKind::RealTime => console
                .real_time_service(service_id)
                .map(|s| s.service_name.clone()),
        }
    }

    fn plan_delete(self, console: &Console, service_ids: &[String]) -> DeletePlan {
        match self {
            ServiceKind::Batch => console.plan_delete(service_ids),
            ServiceKind::RealTime => console.plan_real_time_delete(service_ids),
        }
    }

    fn delete(self, service_ids: Vec<String>) -> Command {
        match self {
            ServiceKind::Batch => Command::Delete { service_ids },
            ServiceKind::RealTime => Command::DeleteRealTime { service_ids },
        }
    }

    fn stop(self, service_id: String) -> Command {
        match self {
            ServiceKind::Batch => Command::Stop { service_id },
            ServiceKind::RealTime => Command::StopRealTime { service_id },
        }
    }

    /// What stopping means, in the Stop dialog.
    fn stop_warning(self) -> &'static str {
        match self {
            ServiceKind::Batch => t().batch.stop_warning_batch,
            ServiceKind::RealTime => t().batch.stop_warning_real_time,
        }
    }
}
