pub mod article_card;
pub mod category_tabs;
pub mod footer;
pub mod header;
pub mod notices;
pub mod source_states;
