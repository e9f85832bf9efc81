// The client library's responses carry ``JSONValue`` where a vendor leaves a shape open (Zylo's aggregates, Usage
// Engine's custom fields); importing `UsageClients` is enough to use it.
@_exported import UsageJSON
