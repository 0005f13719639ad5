package io.kumo.protocols.codec;

import io.kumo.core.AwsException;
import io.kumo.core.http.HttpRequest;
import io.kumo.protocols.bind.SdkBinder;
import io.kumo.protocols.model.ServiceModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcState;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2CodecTest {
    private final ServiceModel model = ServiceModel.load("ec2");
    private final Ec2Codec codec = new Ec2Codec();

    private static HttpRequest form(String body) {
        return new HttpRequest("POST", "/", "", Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                body.getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void decodesFlattenedListsAndNestedStructuresByEc2Names() {
        HttpRequest request = form("Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-1&VpcId.2=vpc-2"
                + "&Filter.1.Name=tag%3AName&Filter.1.Value.1=a&Filter.1.Value.2=b*&Filter.2.Name=state&Filter.2.Value.1=available&MaxResults=5");
        var operation = codec.operationOf(request, model);
        assertThat(operation.name()).isEqualTo("DescribeVpcs");
        DescribeVpcsRequest input = SdkBinder.toPojo(DescribeVpcsRequest.class, codec.decodeInput(request, operation));
        assertThat(input.vpcIds()).containsExactly("vpc-1", "vpc-2");
        assertThat(input.filters()).hasSize(2);
        assertThat(input.filters().get(0).name()).isEqualTo("tag:Name");
        assertThat(input.filters().get(0).values()).containsExactly("a", "b*");
        assertThat(input.maxResults()).isEqualTo(5);
    }

    @Test
    void listIndexesAreOrderedNumericallyNotAsText() {
        StringBuilder body = new StringBuilder("Action=DescribeVpcs");
        for (int i = 12; i >= 1; i--) {
            body.append("&VpcId.").append(i).append("=vpc-").append(i);
        }
        var request = form(body.toString());
        DescribeVpcsRequest input = SdkBinder.toPojo(DescribeVpcsRequest.class, codec.decodeInput(request, codec.operationOf(request, model)));
        assertThat(input.vpcIds()).startsWith("vpc-1", "vpc-2").endsWith("vpc-11", "vpc-12");
    }

    @Test
    void tagSpecificationsUseTheirQueryNames() {
        var request = form("Action=CreateVpc&CidrBlock=10.0.0.0/16&TagSpecification.1.ResourceType=vpc"
                + "&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=main&InstanceTenancy=default&AmazonProvidedIpv6CidrBlock=false");
        CreateVpcRequest input = SdkBinder.toPojo(CreateVpcRequest.class, codec.decodeInput(request, codec.operationOf(request, model)));
        assertThat(input.cidrBlock()).isEqualTo("10.0.0.0/16");
        assertThat(input.tagSpecifications().getFirst().tags()).containsExactly(Tag.builder().key("Name").value("main").build());
        assertThat(input.instanceTenancyAsString()).isEqualTo("default");
        assertThat(input.amazonProvidedIpv6CidrBlock()).isFalse();
    }

    @Test
    void refusesUnknownParametersBadValuesAndUnknownActions() {
        var unknown = form("Action=DescribeVpcs&Bogus=1");
        assertThatThrownBy(() -> codec.decodeInput(unknown, codec.operationOf(unknown, model)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("UnknownParameter");
                    assertThat(e.getMessage()).contains("Bogus");
                });
        var badInt = form("Action=DescribeVpcs&MaxResults=many");
        assertThatThrownBy(() -> codec.decodeInput(badInt, codec.operationOf(badInt, model)))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValue"));
        var missing = form("Action=DeleteVpc");
        assertThatThrownBy(() -> codec.decodeInput(missing, codec.operationOf(missing, model)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MissingParameter");
                    assertThat(e.getMessage()).isEqualTo("The request must contain the parameter VpcId");
                });
        assertThatThrownBy(() -> codec.operationOf(form("Action=Nope"), model))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidAction"));
    }

    @Test
    void encodesOutputWithLocationNamesItemListsAndNamespace() {
        DescribeVpcsResponse response = DescribeVpcsResponse.builder().vpcs(Vpc.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/16")
                .state(VpcState.AVAILABLE).isDefault(false).tags(Tag.builder().key("a&b").value("<x>").build()).build()).build();
        var operation = model.operation("DescribeVpcs").orElseThrow();
        String xml = new String(codec.encodeOutput("req-1", model, operation, SdkBinder.toTree(response)).body(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
                .contains("<requestId>req-1</requestId>")
                .contains("<vpcSet><item>").contains("<vpcId>vpc-1</vpcId>")
                .contains("<state>available</state>")
                .contains("<isDefault>false</isDefault>")
                .contains("<tagSet><item><key>a&amp;b</key><value>&lt;x&gt;</value></item></tagSet>");
    }

    @Test
    void membersTheSdkRenamedKeepTheirModelNames() {
        var operation = model.operation("CreateRoute").orElseThrow();
        var response = software.amazon.awssdk.services.ec2.model.CreateRouteResponse.builder().returnValue(true).build();
        String xml = new String(codec.encodeOutput("r", model, operation, SdkBinder.toTree(response, operation.output())).body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<return>true</return>");
        var images = model.operation("DescribeImages").orElseThrow();
        var image = software.amazon.awssdk.services.ec2.model.DescribeImagesResponse.builder()
                .images(software.amazon.awssdk.services.ec2.model.Image.builder().imageId("ami-1").publicLaunchPermissions(true).build()).build();
        String imageXml = new String(codec.encodeOutput("r", model, images, SdkBinder.toTree(image, images.output())).body(), StandardCharsets.UTF_8);
        assertThat(imageXml).contains("<isPublic>true</isPublic>");
    }

    @Test
    void encodesErrorsInEc2Envelope() {
        var response = codec.encodeError("req-2", model, AwsException.badRequest("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>"
                        + "<Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>req-2</RequestID></Response>");
    }
}
