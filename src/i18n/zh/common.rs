use crate::i18n::common::Common;

pub const COMMON: Common = Common {
    cancel: "取消",
    ok: "确定",
    submit: "提交",
    next: "下一步",
    previous: "上一步",
    close: "关闭",
    delete: "删除",
    more: "更多",
    operation: "操作",
    name: "名称",
    status: "状态",
    description: "描述",
    created: "创建时间",
    search: "搜索",
    all_statuses: "全部状态",
    no_data: "暂无数据。",
    selected: |n| format!("已选择{n}项"),
};
