package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.plan.Plan;
import vn.herald.plan.PlanTask;
import vn.herald.plan.Plans;
import vn.herald.plan.TaskLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the piece and publication pages show of the plan task served: the task, and the tasks of the plans concerning
 * the unit to choose from ({@code fragments/task.html}).
 */
@Singleton
class TaskModel {

    /** One task to choose: its reference and how the list shows it. */
    record Choice(String ref, String label) {}

    private final Plans plans;

    TaskModel(Plans plans) {
        this.plans = plans;
    }

    void put(Map<String, Object> model, String unitCode, @Nullable TaskLinks.LinkedTask task, String action) {
        List<Choice> choices = new ArrayList<>();
        for (Plan plan : plans.concerning(unitCode)) {
            for (PlanTask t : plan.tasks()) {
                choices.add(new Choice(plan.code() + "/" + t.code(), plan.number() + ": " + t.title()));
            }
        }
        model.put("task", task);
        model.put("taskChoices", choices);
        model.put("taskAction", action);
    }
}
