package vn.herald.plan;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic of a task's progress, without a database: weeks, months, topics, sections, contributions. */
class TaskProgressTest {

    private static final LocalDate MAY_FIRST = LocalDate.of(2025, 5, 1);
    private static final LocalDate MAY_LAST = LocalDate.of(2025, 5, 31);

    private static PlanTask task(PlanTask.ExpectedOutput... outputs) {
        return new PlanTask("t", 1, "Nhiệm vụ", "Trung tâm", List.of(),
                new PlanTask.Deadline(PlanTask.DeadlineKind.ONGOING, null, "thường xuyên"), List.of(outputs));
    }

    private static PlanTask.ExpectedOutput weekly(ChannelType channel, int atLeast, String topic) {
        return new PlanTask.ExpectedOutput(PlanTask.OutputKind.PUBLICATIONS, channel, topic, atLeast, PlanTask.Per.WEEK, "mỗi tuần");
    }

    private static TaskProgress.Item item(ChannelType channel, String day, String... topics) {
        return new TaskProgress.Item(1, channel, List.of(topics), LocalDate.parse(day));
    }

    @Test
    void aMonthTouchesFiveWeeksAndOnlyWeeksWithEnoughItemsCount() {
        List<TaskProgress.OutputProgress> result = TaskProgress.measure(task(weekly(ChannelType.LOUDSPEAKER, 2, null)),
                List.of(item(ChannelType.LOUDSPEAKER, "2025-05-05"), item(ChannelType.LOUDSPEAKER, "2025-05-11"),
                        item(ChannelType.LOUDSPEAKER, "2025-05-12"), item(ChannelType.FACEBOOK_PAGE, "2025-05-13"),
                        item(ChannelType.LOUDSPEAKER, "2025-05-31"), item(ChannelType.LOUDSPEAKER, "2025-06-01")),
                List.of(), Set.of(), MAY_FIRST, MAY_LAST);
        assertEquals(5, result.get(0).expected(), "28/4-4/5, 5/5-11/5, 12/5-18/5, 19/5-25/5, 26/5-1/6");
        assertEquals(2, result.get(0).achieved(), "5/5 and 11/5 make one week; 31/5 and 1/6 another; 12/5 alone is short");
        assertFalse(result.get(0).met());
    }

    @Test
    void aTopicIsMatchedWithoutDiacriticsAndAnotherTopicDoesNotCount() {
        List<TaskProgress.OutputProgress> result = TaskProgress.measure(task(new PlanTask.ExpectedOutput(
                        PlanTask.OutputKind.PUBLICATIONS, ChannelType.EPORTAL, "Nghị quyết 57", 1, PlanTask.Per.MONTH, "mỗi tháng")),
                List.of(item(ChannelType.EPORTAL, "2025-05-20", "nghi quyet 57"), item(ChannelType.EPORTAL, "2025-05-21", "Chuyển đổi số")),
                List.of(), Set.of(), MAY_FIRST, LocalDate.of(2025, 6, 30));
        assertEquals(2, result.get(0).expected());
        assertEquals(1, result.get(0).achieved(), "May has its article, June none");
    }

    @Test
    void aSectionIsThereWhenThePortalHasAnArticleOnItsTopic() {
        PlanTask.ExpectedOutput section = new PlanTask.ExpectedOutput(PlanTask.OutputKind.SECTION, ChannelType.EPORTAL,
                "Nghị quyết 57", 1, null, "chuyên mục");
        assertTrue(TaskProgress.measure(task(section), List.of(), List.of(), Set.of("nghi quyet 57"), MAY_FIRST, MAY_LAST).get(0).met());
        assertFalse(TaskProgress.measure(task(section), List.of(), List.of(), Set.of("chuyen doi so"), MAY_FIRST, MAY_LAST).get(0).met());
    }

    @Test
    void contributionsOverThePeriodAndFreeTextIsNotComputed() {
        List<TaskProgress.OutputProgress> result = TaskProgress.measure(task(
                        new PlanTask.ExpectedOutput(PlanTask.OutputKind.CONTRIBUTIONS, null, null, 3, PlanTask.Per.PERIOD, "3 đóng góp"),
                        new PlanTask.ExpectedOutput(PlanTask.OutputKind.TEXT, null, null, 0, null, "Pano, băng rôn")),
                List.of(), List.of(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 9)), Set.of(), MAY_FIRST, MAY_LAST);
        assertEquals(List.of(3, 2), List.of(result.get(0).expected(), result.get(0).achieved()));
        assertFalse(result.get(0).met());
        assertNull(result.get(1).expected());
        assertNull(result.get(1).achieved());
    }

    @Test
    void onlyADayOrMonthDeadlinePasses() {
        LocalDate today = LocalDate.of(2025, 7, 1);
        assertTrue(new PlanTask.Deadline(PlanTask.DeadlineKind.MONTH, LocalDate.of(2025, 6, 30), "6/2025").passed(today));
        assertFalse(new PlanTask.Deadline(PlanTask.DeadlineKind.MONTH, LocalDate.of(2025, 7, 31), "7/2025").passed(today));
        assertFalse(new PlanTask.Deadline(PlanTask.DeadlineKind.ONGOING, null, "thường xuyên").passed(today));
        assertFalse(new PlanTask.Deadline(PlanTask.DeadlineKind.ON_REQUEST, null, "khi có yêu cầu").passed(today));
    }
}
