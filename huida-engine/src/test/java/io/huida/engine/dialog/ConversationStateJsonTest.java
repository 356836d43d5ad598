package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The state survives a restart: written as JSON mid-flow and read back, the conversation goes on. */
class ConversationStateJsonTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void aFlowContinuesAfterTheStateWasStoredAndReadBack() {
        DialogEngineTest.Chat chat = new DialogEngineTest.Chat();
        chat.say("家里宽带坏了");
        chat.say("网速慢");
        String json = JSON.writeValueAsString(chat.state);
        ConversationState restored = JSON.readValue(json, ConversationState.class);
        assertThat(restored).isEqualTo(chat.state);
        chat.state = restored;
        assertThat(chat.say("上海市浦东新区").slot()).isEqualTo("phone");
        BotReply steps = chat.say("13812345678");
        assertThat(steps.type()).isEqualTo(ReplyType.ASK_SLOT);
        assertThat(steps.text()).contains("大量下载");
    }

    @Test
    void everyPartOfTheStateRoundTrips() {
        DialogEngineTest.Chat chat = new DialogEngineTest.Chat();
        chat.say("查账单");                     // pending choice
        chat.say("我的快递到哪了");              // flow
        chat.say("信用卡年费多少钱？怎么免年费？"); // suspended flow, context
        ConversationState s = chat.state;
        assertThat(s.suspended()).isNotNull();
        assertThat(s.context()).isNotNull();
        assertThat(s.emotions()).hasSize(3);
        assertThat(JSON.readValue(JSON.writeValueAsString(s), ConversationState.class)).isEqualTo(s);
    }
}
