// Stimulus: one controller per file, registered here by name.
import { Application } from "@hotwired/stimulus";
import AppearController from "./controllers/appear_controller.js";
import AutosubmitController from "./controllers/autosubmit_controller.js";
import LiveController from "./controllers/live_controller.js";
import SearchController from "./controllers/search_controller.js";
import ThemeController from "./controllers/theme_controller.js";
import ToastController from "./controllers/toast_controller.js";

export const application = Application.start();
application.register("appear", AppearController);
application.register("autosubmit", AutosubmitController);
application.register("live", LiveController);
application.register("search", SearchController);
application.register("theme", ThemeController);
application.register("toast", ToastController);
