package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.protocols.model.ServiceModel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryAndJsonCodecTest {

    private static HttpRequest request(String contentType, String body, Map<String, List<String>> extra) {
        var headers = new java.util.LinkedHashMap<String, List<String>>(extra);
        headers.put("Content-Type", List.of(contentType));
        return new HttpRequest("POST", "/", "", headers, body.getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void queryDecodesMemberListsAndEntryMaps() {
        ServiceModel sns = ServiceModel.load("sns");
        QueryCodec codec = new QueryCodec();
        var req = request("application/x-www-form-urlencoded",
                "Action=CreateTopic&Name=alarms&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=Ops"
                        + "&Tags.member.1.Key=team&Tags.member.1.Value=web", Map.of());
        var op = codec.operationOf(req, sns);
        Map<String, Object> input = codec.decodeInput(req, op);
        assertThat(input.get("Name")).isEqualTo("alarms");
        assertThat(input.get("Attributes")).isEqualTo(Map.of("DisplayName", "Ops"));
        assertThat(input.get("Tags")).isEqualTo(List.of(Map.of("Key", "team", "Value", "web")));
    }

    @Test
    void queryEncodesResultWrapperAndMetadata() {
        ServiceModel sts = ServiceModel.load("sts");
        var op = sts.operation("GetCallerIdentity").orElseThrow();
        String xml = new String(new QueryCodec().encodeOutput("r-1", sts, op, Map.of("Account", "000000000000")).body(), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                + "<Account>000000000000</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                + "</GetCallerIdentityResponse>");
    }

    @Test
    void queryErrorsNameSenderOrReceiver() {
        ServiceModel sts = ServiceModel.load("sts");
        String xml = new String(new QueryCodec().encodeError("r-2", sts, AwsException.internal("boom")).body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<Type>Receiver</Type><Code>InternalError</Code>");
    }

    @Test
    void jsonRoundTripsTimestampsAsEpochSeconds() {
        ServiceModel acm = ServiceModel.load("acm");
        JsonCodec codec = new JsonCodec();
        var op = acm.operation("DescribeCertificate").orElseThrow();
        var output = Map.<String, Object>of("Certificate", Map.of("CertificateArn", "arn", "CreatedAt", Instant.ofEpochMilli(1_700_000_000_123L)));
        String json = new String(codec.encodeOutput("r", acm, op, output).body(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"Certificate\":{\"CertificateArn\":\"arn\",\"CreatedAt\":1700000000.123}}");
    }

    @Test
    void jsonRefusesWrongTypesAndFindsTheOperationByTarget() {
        ServiceModel acm = ServiceModel.load("acm");
        JsonCodec codec = new JsonCodec();
        var req = request("application/x-amz-json-1.1", "{\"MaxItems\":\"ten\"}",
                Map.of("X-Amz-Target", List.of("CertificateManager.ListCertificates")));
        var op = codec.operationOf(req, acm);
        assertThat(op.name()).isEqualTo("ListCertificates");
        assertThatThrownBy(() -> codec.decodeInput(req, op)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.code()).isEqualTo("SerializationException"));
        var unknown = request("application/x-amz-json-1.1", "{}", Map.of("X-Amz-Target", List.of("CertificateManager.Nope")));
        assertThatThrownBy(() -> codec.operationOf(unknown, acm)).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.code()).isEqualTo("UnknownOperationException"));
    }

    @Test
    void restXmlRoutesByMethodPathAndQueryLiterals() {
        ServiceModel route53 = ServiceModel.load("route53");
        RestXmlCodec codec = new RestXmlCodec();
        var get = new HttpRequest("GET", "/2013-04-01/hostedzone/Z123", "", Map.of(), new byte[0], "");
        var op = codec.operationOf(get, route53);
        assertThat(op.name()).isEqualTo("GetHostedZone");
        assertThat(codec.decodeInput(get, op)).containsEntry("Id", "Z123");
        var list = new HttpRequest("GET", "/2013-04-01/hostedzone", "maxitems=5", Map.of(), new byte[0], "");
        var listOp = codec.operationOf(list, route53);
        assertThat(listOp.name()).isEqualTo("ListHostedZones");
        assertThat(codec.decodeInput(list, listOp)).containsEntry("MaxItems", "5");
        String body = "<?xml version=\"1.0\"?><CreateHostedZoneRequest xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Name>example.com</Name><CallerReference>r1</CallerReference><HostedZoneConfig><Comment>c</Comment>"
                + "<PrivateZone>false</PrivateZone></HostedZoneConfig></CreateHostedZoneRequest>";
        var post = new HttpRequest("POST", "/2013-04-01/hostedzone", "", Map.of(), body.getBytes(StandardCharsets.UTF_8), "");
        var createOp = codec.operationOf(post, route53);
        Map<String, Object> input = codec.decodeInput(post, createOp);
        assertThat(input).containsEntry("Name", "example.com").containsEntry("CallerReference", "r1");
        assertThat(input.get("HostedZoneConfig")).isEqualTo(Map.of("Comment", "c", "PrivateZone", false));
    }

    @Test
    void restXmlRefusesDoctypesAndMalformedXml() {
        ServiceModel route53 = ServiceModel.load("route53");
        RestXmlCodec codec = new RestXmlCodec();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CreateHostedZoneRequest><Name>&e;</Name></CreateHostedZoneRequest>";
        var post = new HttpRequest("POST", "/2013-04-01/hostedzone", "", Map.of(), xxe.getBytes(StandardCharsets.UTF_8), "");
        assertThatThrownBy(() -> codec.decodeInput(post, codec.operationOf(post, route53)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("MalformedXML"));
    }
}
