/** Styles of the fake record page and of the card host's components, after HubSpot's CRM UI. */
export const RECORD_PAGE_CSS = `
:root { --text:#33475b; --muted:#516f90; --line:#cbd6e2; --soft:#eaf0f6; --bg:#f5f8fa; --teal:#0091ae; --orange:#ff7a59; --nav:#2d3e50; }
* { box-sizing: border-box; }
body { margin:0; font-family:"Lexend Deca", "Avenir Next", Helvetica, Arial, sans-serif; font-size:14px; color:var(--text); background:var(--bg); }
a { color:var(--teal); text-decoration:none; } a:hover { text-decoration:underline; }
.nav { height:48px; background:var(--nav); display:flex; align-items:center; gap:20px; padding:0 16px; color:#fff; }
.nav__logo { width:26px; height:26px; border-radius:50%; background:var(--orange); box-shadow:inset 0 0 0 6px var(--nav), inset 0 0 0 9px var(--orange); }
.nav__item { color:#fff; opacity:.9; font-size:14px; } .nav__search { margin-left:auto; width:280px; height:30px; border-radius:3px; border:0; padding:0 10px; background:#3e5368; color:#cbd6e2; }
.nav__portal { font-size:12px; opacity:.8; }
.layout { display:grid; grid-template-columns: 320px minmax(360px, 1fr) 380px; min-height:calc(100vh - 48px); }
.left { background:#fff; border-right:1px solid var(--line); padding:16px 20px; }
.middle { padding:16px 24px; }
.right { background:#fff; border-left:1px solid var(--line); padding:16px; }
.back { font-size:13px; } .identity { text-align:center; padding:20px 0 12px; border-bottom:1px solid var(--line); }
.avatar { width:64px; height:64px; margin:0 auto 10px; border-radius:50%; background:#cbd6e2; color:#fff; font-size:24px; font-weight:600; display:flex; align-items:center; justify-content:center; }
.identity h1 { font-size:20px; margin:0 0 4px; } .identity p { margin:0; color:var(--muted); font-size:13px; }
.quick { display:flex; justify-content:center; gap:12px; padding:12px 0; border-bottom:1px solid var(--line); }
.quick span { display:flex; flex-direction:column; align-items:center; gap:4px; font-size:12px; color:var(--muted); }
.quick i { width:32px; height:32px; border-radius:50%; border:1px solid var(--line); background:var(--bg); display:block; }
.section-title { font-size:14px; font-weight:600; margin:16px 0 8px; display:flex; justify-content:space-between; }
.props { margin:0; } .props div { padding:6px 0; } .props dt { font-size:12px; color:var(--muted); } .props dd { margin:2px 0 0; font-size:14px; word-break:break-word; }
.tabs { display:flex; gap:24px; border-bottom:1px solid var(--line); margin-bottom:16px; }
.tabs span { padding:10px 0; color:var(--muted); } .tabs .active { color:var(--text); border-bottom:3px solid var(--text); font-weight:600; }
.month { font-size:12px; font-weight:600; color:var(--muted); text-transform:uppercase; margin:16px 0 8px; }
.event { background:#fff; border:1px solid var(--line); border-radius:4px; padding:12px 14px; margin-bottom:8px; display:flex; gap:12px; }
.event__icon { flex:none; width:28px; height:28px; border-radius:50%; background:var(--soft); color:var(--muted); font-size:12px; font-weight:600; display:flex; align-items:center; justify-content:center; }
.event__title { font-weight:600; } .event__detail { color:var(--text); margin-top:2px; } .event__meta { color:var(--muted); font-size:12px; margin-top:4px; }
.assoc { border:1px solid var(--line); border-radius:4px; margin-bottom:12px; }
.assoc h2, .app-card h2 { font-size:14px; margin:0; padding:10px 12px; border-bottom:1px solid var(--line); background:var(--bg); display:flex; justify-content:space-between; align-items:center; }
.assoc ul { list-style:none; margin:0; padding:8px 12px; } .assoc li { padding:4px 0; }
.app-card { border:1px solid var(--line); border-radius:4px; margin-bottom:12px; }
.app-card__badge { font-size:11px; font-weight:500; color:var(--muted); }
.app-card__body { padding:12px; }
.hs-text { margin:0; line-height:1.45; } .hs-text--micro { font-size:12px; color:var(--muted); }
.hs-heading { font-size:14px; margin:0; font-weight:600; }
.hs-tag { display:inline-block; padding:1px 8px; border-radius:3px; font-size:12px; border:1px solid var(--line); background:var(--soft); color:var(--text); }
.hs-tag--success { background:#e5f8f6; border-color:#7fded2; } .hs-tag--error { background:#fde8e9; border-color:#f8a9ad; }
.hs-tag--warning { background:#fef8f0; border-color:#fbc68f; } .hs-tag--info { background:#e5f5f8; border-color:#7fd1de; }
.hs-alert { border-left:4px solid #00a4bd; background:#e5f5f8; padding:8px 12px; border-radius:3px; }
.hs-alert--warning { border-color:#f5c26b; background:#fef8f0; } .hs-alert--error, .hs-alert--danger { border-color:#f2545b; background:#fde8e9; } .hs-alert--success { border-color:#00bda5; background:#e5f8f6; }
.hs-alert__title { display:block; font-size:13px; } .hs-alert__body { font-size:13px; margin-top:2px; }
.hs-button { font:inherit; font-size:13px; font-weight:500; padding:7px 14px; border-radius:3px; border:1px solid var(--orange); cursor:pointer; }
.hs-button--primary { background:var(--orange); color:#fff; } .hs-button--secondary { background:#fff; color:var(--orange); }
.hs-button--destructive { background:#f2545b; border-color:#f2545b; color:#fff; } .hs-button--transparent { background:none; border-color:transparent; color:var(--teal); }
.hs-divider { border:0; border-top:1px solid var(--line); margin:4px 0; width:100%; }
.hs-dl { margin:0; display:flex; flex-direction:column; gap:6px; } .hs-dl--row { flex-direction:row; flex-wrap:wrap; gap:16px; }
.hs-dl__item dt { font-size:12px; color:var(--muted); } .hs-dl__item dd { margin:2px 0 0; }
.hs-spinner { display:flex; align-items:center; gap:8px; color:var(--muted); padding:8px 0; } .hs-spinner--centered { justify-content:center; }
.hs-spinner__wheel { width:20px; height:20px; border-radius:50%; border:3px solid var(--soft); border-top-color:var(--orange); animation:hs-spin 0.8s linear infinite; }
@keyframes hs-spin { to { transform:rotate(360deg); } }
.hs-visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
.hs-error-state { text-align:center; display:flex; flex-direction:column; align-items:center; gap:8px; padding:8px 0; }
.hs-error-state__icon { width:32px; height:32px; border-radius:50%; background:#fde8e9; color:#f2545b; font-weight:700; display:flex; align-items:center; justify-content:center; }
.hs-modal-backdrop { position:fixed; inset:0; background:rgba(45,62,80,.6); display:flex; align-items:center; justify-content:center; z-index:100; }
.hs-modal { background:#fff; border-radius:4px; box-shadow:0 8px 32px rgba(0,0,0,.3); overflow:hidden; }
.hs-modal__header { background:#00a4bd; color:#fff; display:flex; align-items:center; justify-content:space-between; padding:12px 16px; }
.hs-modal__title { margin:0; font-size:16px; font-weight:500; } .hs-modal__close { background:none; border:0; color:#fff; font-size:24px; cursor:pointer; line-height:1; }
.hs-modal__frame { display:block; border:0; } .card-error { color:#b3262d; font-size:13px; }
.install { font-size:13px; color:var(--muted); } .install a { font-weight:600; }
`;
