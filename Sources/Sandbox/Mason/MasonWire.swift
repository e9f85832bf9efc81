/// Mason's wire types, keys in the order the vendor's examples print them.
enum MasonWire {
    /// The usage model: `total = upload + download`, in bytes.
    struct Usage: Encodable, Sendable {
        let total: Int64
        let unit = "bytes"
        let upload: Int64
        let date: String
        let download: Int64

        init(upload: Int64, download: Int64, date: String) {
            self.total = upload + download
            self.upload = upload
            self.date = date
            self.download = download
        }
    }

    struct Marker: Encodable, Sendable {
        let key: String
        let value: String
    }

    struct SIM: Encodable, Sendable {
        let iccid: String
    }

    /// One aggregate row: `marker` only when grouped by a marker (and the SIM had a value), `sim` only at SIM level.
    struct AggregateUsage: Encodable, Sendable {
        let marker: Marker?
        let sim: SIM?
        let usage: Usage
    }

    /// An aggregate response; `nextPage`/`prevPage` are `""` where there is no such page.
    struct AggregatePage: Encodable, Sendable {
        let nextPage: String
        let prevPage: String
        let data: [AggregateUsage]
    }

    /// One day of a time series: flat, with `day` where the usage model says `date`, as in the vendor's examples.
    struct SeriesRow: Encodable, Sendable {
        let day: String
        let download: Int64
        let total: Int64
        let unit = "bytes"
        let upload: Int64

        init(day: String, upload: Int64, download: Int64) {
            self.day = day
            self.download = download
            self.total = upload + download
            self.upload = upload
        }
    }

    /// A time-series response: `data` only, as in the vendor's examples.
    struct SeriesPage: Encodable, Sendable {
        let data: [SeriesRow]
    }
}
