//! Problems of an import file, of saved data and of a catalog.

use crate::catalog::CatalogError;
use crate::snapshot::SnapshotError;
use crate::transfer::{ExportScope, ImportError, ImportErrors, ImportPlan, ImportProblem};

speaks! {
    /// What the console says of a file it imports, of saved data it cannot use and of a
    /// `catalog.json` it refuses. JSON paths, ids, names and the parser's own words are passed
    /// through as they are.
    pub trait Transfer {
        /// One problem of an import file or of saved data, without its path.
        fn import_problem(&self, problem: &ImportProblem) -> String;
        /// A problem after its JSON path (`path: problem`).
        fn import_error(&self, error: &ImportError) -> String;
        /// Every problem of a file, one per line, then how many more were found.
        fn import_errors(&self, errors: &ImportErrors) -> String;
        /// The import preview's sentence: what the file will import, into which region.
        fn import_summary(&self, plan: &ImportPlan) -> String;
        /// The success message of an import (the `Outcome::Imported`'s text).
        fn imported(
            &self,
            region_name: &str,
            scope: ExportScope,
            services: usize,
            pools: usize,
            added: usize,
            replaced: usize,
        ) -> String;
        /// Why saved data cannot be used, as the banner says it after "could not be loaded: "
        /// (lower case, no final period).
        fn snapshot_error(&self, error: &SnapshotError) -> String;
        /// Why the host's `catalog.json` is refused (lower case, no final period).
        fn catalog_error(&self, error: &CatalogError) -> String;
    }
}
