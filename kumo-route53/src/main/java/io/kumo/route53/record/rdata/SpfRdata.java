package io.kumo.route53.record.rdata;

/** SPF: written like TXT (AWS recommends TXT for it, but still serves the type). */
public final class SpfRdata extends TxtRdata {

    @Override
    public String type() {
        return "SPF";
    }
}
