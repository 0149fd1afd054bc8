//! Refusals, domain errors and the violations of form input.

use crate::catalog::ModelState;
use crate::error::{DomainError, PoolRefusal, Refusal};
use crate::validation::{FieldError, Violation};

speaks! {
    /// What the console says when it refuses, and why a form's input or an option is not
    /// accepted.
    pub trait Messages {
        /// Why an action on a service is not allowed now.
        fn refusal(&self, refusal: &Refusal) -> String;
        /// Why an action on a dedicated resource pool is not allowed now.
        fn pool_refusal(&self, refusal: &PoolRefusal) -> String;
        /// A refused command, as a toast or an error says it.
        fn domain_error(&self, error: &DomainError) -> String;
        /// The reason alone, without the service or pool name: what a disabled control explains.
        fn error_reason(&self, error: &DomainError) -> String;
        /// What is wrong with a field's input (beside the field).
        fn violation(&self, violation: &Violation) -> String;
        /// A field error as a form's summary lists it: the field (of its model version), then
        /// the violation.
        fn field_error(&self, error: &FieldError) -> String;

        // ---- the options of select fields -------------------------------------------------------
        /// An option's text with a note after it, e.g. `0.0.3 (Building)`.
        fn with_note(&self, text: &str, note: &str) -> String;
        /// Why a model version that is not Normal cannot be chosen.
        fn version_unavailable(&self, state: ModelState) -> String;
        /// A flavor sold out in the region (its note and why it cannot be chosen).
        fn sold_out(&self) -> &'static str;
        /// The Deployment Location option when the region has no Service Deployment pool.
        fn no_deployment_pool(&self) -> &'static str;
        /// Why that option cannot be chosen.
        fn no_deployment_pool_reason(&self) -> &'static str;
        /// A Running pool's note in the Resource Pool options.
        fn free_nodes(&self, free: u32, nodes: u32) -> String;
        /// The 1 year Required Duration's note.
        fn billed_months(&self, months: u32) -> String;
        /// The AZ option that lets the nodes go anywhere.
        fn random_az(&self) -> &'static str;
        /// The VPC select's placeholder.
        fn select_vpc(&self) -> &'static str;
        /// The Subnet select's placeholder.
        fn select_subnet(&self) -> &'static str;
        /// The Security Group select's placeholder.
        fn select_security_group(&self) -> &'static str;
    }
}
