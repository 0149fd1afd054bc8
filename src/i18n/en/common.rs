use crate::i18n::common::Common;

pub const COMMON: Common = Common {
    cancel: "Cancel",
    ok: "OK",
    submit: "Submit",
    next: "Next",
    previous: "Previous",
    close: "Close",
    delete: "Delete",
    more: "More",
    operation: "Operation",
    name: "Name",
    status: "Status",
    description: "Description",
    created: "Created",
    search: "Search",
    all_statuses: "All statuses",
    no_data: "No data available.",
    selected: |n| format!("{n} selected"),
};
