import CCairo

/// Collects the bytes Cairo writes through its stream callbacks.
final class ByteSink {
    var bytes: [UInt8] = []

    /// The context pointer handed to Cairo; valid while `self` is alive.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// A C callback (it cannot capture, so the sink travels in `closure`).
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let data, length > 0 {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }
}

/// Raises a Cairo status as a `ChartRenderError`.
func checkCairo(_ status: cairo_status_t, _ what: String) throws(ChartRenderError) {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw .cairo(what + ": " + String(cString: cairo_status_to_string(status)))
    }
}
