package io.kumo.protocols.codec;

import io.kumo.core.http.HttpResponse;
import io.kumo.core.output.OutputMemo;
import io.kumo.protocols.bind.SdkBinder;
import io.kumo.protocols.bind.SharedTree;
import io.kumo.protocols.model.ServiceModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Output objects an OutputMemo holds are walked and written once, and read the same as fresh ones. */
class KeptEncodingTest {
    private final ServiceModel model = ServiceModel.load("ec2");
    private final Ec2Codec codec = new Ec2Codec();
    private final OutputMemo<String, Vpc> memo = new OutputMemo<>(16);

    private static Vpc vpc(String id) {
        return Vpc.builder().vpcId(id).cidrBlock("10.0.0.0/16").state("available")
                .tags(Tag.builder().key("Name").value("a<b").build()).build();
    }

    private HttpResponse describe(Vpc... vpcs) {
        var operation = model.operation("DescribeVpcs").orElseThrow();
        var response = DescribeVpcsResponse.builder().vpcs(vpcs).build();
        return codec.encodeOutput("req", model, operation, SdkBinder.toTree(response, operation.output()));
    }

    private static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aKeptObjectReadsExactlyAsAFreshOne() {
        Vpc kept = memo.get("vpc-1", "v1", k -> vpc("vpc-1"));
        String fresh = text(describe(vpc("vpc-1"), vpc("vpc-2")));
        assertThat(text(describe(kept, vpc("vpc-2")))).isEqualTo(fresh);
        assertThat(text(describe(kept, vpc("vpc-2")))).isEqualTo(fresh);
        assertThat(fresh).contains("<vpcSet><item><tagSet>").contains("<vpcId>vpc-1</vpcId>").contains("<value>a&lt;b</value>");
    }

    @Test
    void aKeptObjectIsWalkedAndWrittenOnce() {
        Vpc kept = memo.get("vpc-3", "v1", k -> vpc("vpc-3"));
        var shape = model.shape("Vpc");
        var tree = SdkBinder.toTree(kept, shape);
        assertThat(tree).isInstanceOf(SharedTree.class);
        assertThat(SdkBinder.toTree(kept, shape)).isSameAs(tree);

        List<ByteBuffer> first = describe(kept).parts();
        List<ByteBuffer> second = describe(kept).parts();
        ByteBuffer keptPart = first.stream().filter(ByteBuffer::isDirect).findFirst().orElseThrow();
        assertThat(second.stream().filter(ByteBuffer::isDirect))
                .singleElement().satisfies(part -> assertThat(part).isEqualTo(keptPart));
        assertThat(StandardCharsets.UTF_8.decode(keptPart.duplicate()).toString()).startsWith("<item><tagSet>").contains("<vpcId>vpc-3</vpcId>").endsWith("</item>");
    }

    @Test
    void anObjectNoMemoHoldsIsWalkedEveryTime() {
        Vpc plain = vpc("vpc-4");
        var shape = model.shape("Vpc");
        assertThat(SdkBinder.toTree(plain, shape)).isNotInstanceOf(SharedTree.class);
        assertThat(describe(plain).parts()).noneMatch(ByteBuffer::isDirect);
    }

    @Test
    void aChangedObjectIsWrittenAfresh() {
        Vpc before = memo.get("vpc-5", "v1", k -> vpc("vpc-5"));
        assertThat(text(describe(before))).contains("<cidrBlock>10.0.0.0/16</cidrBlock>");
        Vpc after = memo.get("vpc-5", "v2", k -> vpc("vpc-5").toBuilder().cidrBlock("10.1.0.0/16").build());
        assertThat(text(describe(after))).contains("<cidrBlock>10.1.0.0/16</cidrBlock>").doesNotContain("10.0.0.0/16");
    }
}
